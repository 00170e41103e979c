// placeholder, replaced by the CLI
console.log('source-trace');

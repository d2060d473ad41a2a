console.log('segur-sim: en construction'); process.exitCode = 64;

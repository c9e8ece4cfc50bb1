'use strict';
// grpc-js interop server: `node server.js --port N` serves grpc.testing.TestService on
// 127.0.0.1:N (h2c). With --port 0 it picks a free port. Prints `listening on 127.0.0.1:<port>`.
const { grpc, testing } = require('./lib/protos');
const { parseArgs } = require('./lib/args');
const { testService, requestEncodingInterceptor } = require('./lib/test-service');

const args = parseArgs(process.argv.slice(2));
const port = Number(args.port ?? 0);

const server = new grpc.Server({ interceptors: [requestEncodingInterceptor] });
server.addService(testing.TestService.service, testService);

server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error, boundPort) => {
  if (error) {
    console.error(`failed to bind 127.0.0.1:${port}: ${error.message}`);
    process.exit(1);
  }
  console.log(`listening on 127.0.0.1:${boundPort}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.forceShutdown();
    process.exit(0);
  });
}

'use strict';
// grpc-js client for the gateway's forwarding tests:
//   node probe-client.js --address HOST:PORT --wait_id ID
// Calls gateway.probe.v1.Probe through the gateway: a unary Echo with metadata, a server-streaming Count and a
// Wait with a 500 ms deadline. Prints one JSON object with what came back.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const definition = protoLoader.loadSync('gateway/probe/v1/probe.proto', {
  includeDirs: [path.resolve(__dirname, '..', 'Forwarding', 'Protos')],
  keepCase: true,
  defaults: true,
});
const { Probe } = grpc.loadPackageDefinition(definition).gateway.probe.v1;

function argument(name) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

function echo(client) {
  return new Promise((resolve, reject) => {
    const metadata = new grpc.Metadata();
    metadata.set('authorization', 'Bearer grpc-js-token');
    let reply;
    let trailer;
    const settle = () => reply && trailer !== undefined
      && resolve({ text: reply.text, authorization: reply.headers.authorization, trailer });
    const call = client.Echo({ text: 'from grpc-js' }, metadata, (error, response) => {
      if (error) {
        reject(error);
      } else {
        reply = response;
        settle();
      }
    });
    call.on('status', status => {
      trailer = status.metadata.get('x-probe-trailer')[0] ?? null;
      settle();
    });
  });
}

function count(client) {
  return new Promise((resolve, reject) => {
    const numbers = [];
    const call = client.Count({ count: 3 });
    call.on('data', reply => numbers.push(reply.number));
    call.on('error', reject);
    call.on('status', status => status.code === grpc.status.OK && resolve(numbers));
  });
}

function waitPastDeadline(client, id) {
  return new Promise(resolve => {
    client.Wait({ id }, { deadline: Date.now() + 500 }, error => resolve({ code: error ? error.code : 0 }));
  });
}

async function main() {
  const client = new Probe(argument('address'), grpc.credentials.createInsecure());
  try {
    const result = {
      unary: await echo(client),
      stream: await count(client),
      deadline: await waitPastDeadline(client, argument('wait_id')),
    };
    console.log(JSON.stringify(result));
  } finally {
    client.close();
  }
}

main().catch(error => {
  console.error(error.stack ?? error);
  process.exit(1);
});

'use strict';
// Loads the interop .proto files shared with the C# interop project (tests/Grpc.Interop/Protos).
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const protoRoot = path.resolve(__dirname, '..', '..', '..', 'Grpc.Interop', 'Protos');

const packageDefinition = protoLoader.loadSync('grpc/testing/test.proto', {
  includeDirs: [protoRoot],
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
});

const testing = grpc.loadPackageDefinition(packageDefinition).grpc.testing;

module.exports = {
  grpc,
  testing,
  testServiceDefinition: packageDefinition['grpc.testing.TestService'],
};

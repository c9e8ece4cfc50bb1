'use strict';
// The interop test cases of the grpc-js client, per the gRPC interop test descriptions.
const { grpc, testServiceDefinition } = require('./protos');
const { unary, clientStreaming, collect, reader, expectError, nextError } = require('./calls');
const { check, checkEqual, checkStatus, checkPayload, checkPayloadSizes } = require('./assert');
const { rawCall } = require('./raw-call');

const NO_COMPRESS = 2; // grpc-js WriteFlags.NoCompress; passed as the stream write "encoding".
const ECHO_INITIAL = 'x-grpc-test-echo-initial';
const ECHO_TRAILING = 'x-grpc-test-echo-trailing-bin';
const SPECIAL_MESSAGE = '\t\ntest with whitespace\r\nand Unicode BMP \u263A and non-BMP \uD83D\uDE08\t\n';

const zeros = size => ({ body: Buffer.alloc(size) });
const largeRequest = extra => ({ response_size: 314159, payload: zeros(271828), ...extra });
const sizedParameters = sizes => sizes.map(size => ({ size }));

function echoMetadata() {
  const metadata = new grpc.Metadata();
  metadata.set(ECHO_INITIAL, 'test_initial_metadata_value');
  metadata.set(ECHO_TRAILING, Buffer.from([0xab, 0xab, 0xab]));
  return metadata;
}

function checkEchoedMetadata(headers, trailers, what) {
  check(headers, `${what}: no response headers`);
  checkEqual(headers.get(ECHO_INITIAL)[0], 'test_initial_metadata_value', `${what} echoed initial metadata`);
  const trailing = trailers.get(ECHO_TRAILING)[0];
  check(Buffer.isBuffer(trailing) && trailing.equals(Buffer.from([0xab, 0xab, 0xab])),
    `${what}: echoed trailing metadata is ${trailing && trailing.toString('hex')}, expected ababab`);
}

function deadlineIn(ms) {
  return new Date(Date.now() + ms);
}

async function nextResponse(iterator, what) {
  const { value, done } = await iterator.next();
  check(!done, `${what}: the stream ended early`);
  return value;
}

// Reads the compressed flag of each response frame from the wire (grpc-js does not expose it).
async function rawResponseFrames(ctx, method, request) {
  const definition = testServiceDefinition[method];
  const result = await rawCall(ctx.host, ctx.port, definition.path, definition.requestSerialize(request));
  checkEqual(result.status, 0, `raw ${method} grpc-status`);
  return result.frames.map(frame => ({ compressed: frame.compressed, response: definition.responseDeserialize(frame.message) }));
}

const cases = {
  async empty_unary({ plain }) {
    const { response } = await unary(plain, 'EmptyCall', {}, new grpc.Metadata());
    check(response, 'EmptyCall returned no response');
  },

  async large_unary({ plain }) {
    const { response } = await unary(plain, 'UnaryCall', largeRequest(), new grpc.Metadata());
    checkPayload(response.payload, 314159, 'UnaryCall');
  },

  // grpc-js cannot choose compression per unary call, so the compressed call is made on a channel
  // whose default compression is gzip and the uncompressed calls on a channel without compression.
  async client_compressed_unary({ plain, gzip }) {
    const probe = await expectError(unary(plain, 'UnaryCall', largeRequest({ expect_compressed: { value: true } }), new grpc.Metadata()));
    checkStatus(probe, grpc.status.INVALID_ARGUMENT, 'uncompressed probe');
    const compressed = await unary(gzip, 'UnaryCall', largeRequest({ expect_compressed: { value: true } }), new grpc.Metadata());
    checkPayload(compressed.response.payload, 314159, 'compressed UnaryCall');
    const uncompressed = await unary(plain, 'UnaryCall', largeRequest({ expect_compressed: { value: false } }), new grpc.Metadata());
    checkPayload(uncompressed.response.payload, 314159, 'uncompressed UnaryCall');
  },

  async server_compressed_unary(ctx) {
    for (const compressed of [true, false]) {
      const request = largeRequest({ response_compressed: { value: compressed } });
      const { response } = await unary(ctx.plain, 'UnaryCall', request, new grpc.Metadata());
      checkPayload(response.payload, 314159, `UnaryCall response_compressed=${compressed}`);
      const frames = await rawResponseFrames(ctx, 'UnaryCall', request);
      checkEqual(frames.length, 1, 'raw UnaryCall response count');
      checkEqual(frames[0].compressed, compressed, `compressed flag with response_compressed=${compressed}`);
      checkPayload(frames[0].response.payload, 314159, 'raw UnaryCall');
    }
  },

  async client_streaming({ plain }) {
    const writes = [27182, 8, 1828, 45904].map(size => ({ message: { payload: zeros(size) } }));
    const response = await clientStreaming(plain, 'StreamingInputCall', writes, new grpc.Metadata());
    checkEqual(response.aggregated_payload_size, 74922, 'aggregated_payload_size');
  },

  // The compressed stream runs on a gzip channel; its second message is written with NoCompress.
  async client_compressed_streaming({ plain, gzip }) {
    const first = { message: { expect_compressed: { value: true }, payload: zeros(27182) } };
    const probe = await expectError(clientStreaming(plain, 'StreamingInputCall', [first], new grpc.Metadata()));
    checkStatus(probe, grpc.status.INVALID_ARGUMENT, 'uncompressed probe');
    const second = { message: { expect_compressed: { value: false }, payload: zeros(45904) }, flags: NO_COMPRESS };
    const response = await clientStreaming(gzip, 'StreamingInputCall', [first, second], new grpc.Metadata());
    checkEqual(response.aggregated_payload_size, 73086, 'aggregated_payload_size');
  },

  async server_streaming({ plain }) {
    const sizes = [31415, 9, 2653, 58979];
    const call = plain.StreamingOutputCall({ response_parameters: sizedParameters(sizes) });
    const { responses } = await collect(call);
    checkPayloadSizes(responses, sizes, 'StreamingOutputCall');
  },

  async server_compressed_streaming(ctx) {
    const request = {
      response_parameters: [
        { compressed: { value: true }, size: 31415 },
        { compressed: { value: false }, size: 92653 },
      ],
    };
    const { responses } = await collect(ctx.plain.StreamingOutputCall(request));
    checkPayloadSizes(responses, [31415, 92653], 'StreamingOutputCall');
    const frames = await rawResponseFrames(ctx, 'StreamingOutputCall', request);
    checkPayloadSizes(frames.map(frame => frame.response), [31415, 92653], 'raw StreamingOutputCall');
    checkEqual(frames[0].compressed, true, 'compressed flag of response 0');
    checkEqual(frames[1].compressed, false, 'compressed flag of response 1');
  },

  async ping_pong({ plain }) {
    const call = plain.FullDuplexCall();
    const done = collect(call);
    const iterator = reader(call);
    const steps = [[31415, 27182], [9, 8], [2653, 1828], [58979, 45904]];
    for (const [responseSize, requestSize] of steps) {
      call.write({ response_parameters: [{ size: responseSize }], payload: zeros(requestSize) });
      const response = await nextResponse(iterator, 'FullDuplexCall');
      checkPayload(response.payload, responseSize, 'FullDuplexCall');
    }
    call.end();
    const { done: finished } = await iterator.next();
    check(finished, 'FullDuplexCall: more responses than requests');
    await done;
  },

  async empty_stream({ plain }) {
    const call = plain.FullDuplexCall();
    call.end();
    const { responses } = await collect(call);
    checkEqual(responses.length, 0, 'response count');
  },

  async cancel_after_begin({ plain }) {
    let call;
    const result = expectError(new Promise((resolve, reject) => {
      call = plain.StreamingInputCall((error, value) => (error ? reject(error) : resolve(value)));
    }));
    call.cancel();
    checkStatus(await result, grpc.status.CANCELLED, 'cancelled StreamingInputCall');
  },

  async cancel_after_first_response({ plain }) {
    const call = plain.FullDuplexCall();
    const error = nextError(call);
    const iterator = reader(call);
    call.write({ response_parameters: [{ size: 31415 }], payload: zeros(27182) });
    checkPayload((await nextResponse(iterator, 'FullDuplexCall')).payload, 31415, 'FullDuplexCall');
    call.cancel();
    checkStatus(await error, grpc.status.CANCELLED, 'cancelled FullDuplexCall');
  },

  async timeout_on_sleeping_server({ plain }) {
    const call = plain.FullDuplexCall(new grpc.Metadata(), { deadline: deadlineIn(1) });
    const error = nextError(call);
    call.write({ payload: zeros(27182) });
    checkStatus(await error, grpc.status.DEADLINE_EXCEEDED, 'FullDuplexCall with 1 ms deadline');
  },

  async custom_metadata({ plain }) {
    const unaryResult = await unary(plain, 'UnaryCall', largeRequest(), echoMetadata());
    checkPayload(unaryResult.response.payload, 314159, 'UnaryCall');
    checkEchoedMetadata(unaryResult.headers, unaryResult.trailers, 'UnaryCall');

    const call = plain.FullDuplexCall(echoMetadata());
    const done = collect(call);
    call.write({ response_parameters: [{ size: 314159 }], payload: zeros(271828) });
    call.end();
    const duplexResult = await done;
    checkPayloadSizes(duplexResult.responses, [314159], 'FullDuplexCall');
    checkEchoedMetadata(duplexResult.headers, duplexResult.trailers, 'FullDuplexCall');
  },

  async status_code_and_message({ plain }) {
    const responseStatus = { code: 2, message: 'test status message' };
    const unaryError = await expectError(unary(plain, 'UnaryCall', { response_status: responseStatus }, new grpc.Metadata()));
    checkStatus(unaryError, 2, 'UnaryCall');
    checkEqual(unaryError.details, responseStatus.message, 'UnaryCall status message');

    const call = plain.FullDuplexCall();
    const duplexError = await expectError((() => {
      const done = collect(call);
      call.write({ response_status: responseStatus });
      call.end();
      return done;
    })());
    checkStatus(duplexError, 2, 'FullDuplexCall');
    checkEqual(duplexError.details, responseStatus.message, 'FullDuplexCall status message');
  },

  async special_status_message({ plain }) {
    const request = { response_status: { code: 2, message: SPECIAL_MESSAGE } };
    const error = await expectError(unary(plain, 'UnaryCall', request, new grpc.Metadata()));
    checkStatus(error, 2, 'UnaryCall');
    checkEqual(error.details, SPECIAL_MESSAGE, 'status message');
  },

  async unimplemented_method({ plain }) {
    const error = await expectError(unary(plain, 'UnimplementedCall', {}, new grpc.Metadata()));
    checkStatus(error, grpc.status.UNIMPLEMENTED, 'TestService/UnimplementedCall');
  },

  async unimplemented_service({ unimplemented }) {
    const error = await expectError(unary(unimplemented, 'UnimplementedCall', {}, new grpc.Metadata()));
    checkStatus(error, grpc.status.UNIMPLEMENTED, 'UnimplementedService/UnimplementedCall');
  },
};

module.exports = { cases };

'use strict';
// The TestService implementation of the grpc-js interop server, per the gRPC interop test descriptions.
const { grpc } = require('./protos');

const ECHO_INITIAL = 'x-grpc-test-echo-initial';
const ECHO_TRAILING = 'x-grpc-test-echo-trailing-bin';
const REQUEST_ENCODING = 'x-interop-request-encoding';

/**
 * grpc-js strips grpc-encoding from the metadata handlers see and never tells whether a request
 * message was compressed. This interceptor copies the request's grpc-encoding (kept in the base
 * call's `incomingEncoding`, grpc-js 1.14.x) into the metadata, so that expect_compressed can be
 * checked the way grpc-dotnet's interop server checks it: by the call's grpc-encoding header.
 */
function requestEncodingInterceptor(methodDescriptor, call) {
  const encoding = call.incomingEncoding ?? 'identity';
  return new grpc.ServerInterceptingCall(call, {
    start: next => next({
      onReceiveMetadata: (metadata, nextMetadata) => {
        metadata.set(REQUEST_ENCODING, encoding);
        nextMetadata(metadata);
      },
    }),
  });
}

function isRequestCompressed(call) {
  const [encoding] = call.metadata.get(REQUEST_ENCODING);
  return encoding !== undefined && encoding !== 'identity';
}

function zeros(size) {
  return { type: 'COMPRESSABLE', body: Buffer.alloc(size) };
}

function sleepMicros(micros) {
  return micros > 0 ? new Promise(resolve => setTimeout(resolve, micros / 1000)) : Promise.resolve();
}

function echoInitialMetadata(call) {
  const [value] = call.metadata.get(ECHO_INITIAL);
  if (value !== undefined) {
    const headers = new grpc.Metadata();
    headers.set(ECHO_INITIAL, value);
    call.sendMetadata(headers);
  }
}

function echoTrailers(call) {
  const trailers = new grpc.Metadata();
  const [value] = call.metadata.get(ECHO_TRAILING);
  if (value !== undefined) {
    trailers.set(ECHO_TRAILING, value);
  }
  return trailers;
}

function requestedError(request, call) {
  const status = request.response_status;
  if (status && status.code !== 0) {
    return { code: status.code, details: status.message, metadata: echoTrailers(call) };
  }
  return null;
}

function compressionError(expectCompressed, call) {
  if (expectCompressed && expectCompressed.value && !isRequestCompressed(call)) {
    return { code: grpc.status.INVALID_ARGUMENT, details: 'Expected a compressed request.', metadata: echoTrailers(call) };
  }
  return null;
}

// grpc-js servers cannot compress responses (1.14.x always writes the compressed flag as 0),
// so response_compressed and ResponseParameters.compressed are accepted and not acted on.
async function writeResponses(request, call) {
  for (const parameters of request.response_parameters) {
    await sleepMicros(parameters.interval_us);
    call.write({ payload: zeros(parameters.size) });
  }
}

const testService = {
  EmptyCall(call, callback) {
    echoInitialMetadata(call);
    callback(null, {}, echoTrailers(call));
  },

  UnaryCall(call, callback) {
    echoInitialMetadata(call);
    const request = call.request;
    const error = requestedError(request, call) ?? compressionError(request.expect_compressed, call);
    if (error) {
      callback(error);
      return;
    }
    callback(null, { payload: zeros(request.response_size) }, echoTrailers(call));
  },

  async StreamingOutputCall(call) {
    echoInitialMetadata(call);
    const error = requestedError(call.request, call);
    if (error) {
      call.emit('error', error);
      return;
    }
    await writeResponses(call.request, call);
    call.end(echoTrailers(call));
  },

  StreamingInputCall(call, callback) {
    echoInitialMetadata(call);
    let aggregated = 0;
    let done = false;
    const finish = (error, response) => {
      if (!done) {
        done = true;
        callback(error, response, echoTrailers(call));
      }
    };
    call.on('data', request => {
      const error = compressionError(request.expect_compressed, call);
      if (error) {
        finish(error);
      }
      aggregated += request.payload ? request.payload.body.length : 0;
    });
    call.on('end', () => finish(null, { aggregated_payload_size: aggregated }));
    call.on('error', () => { done = true; });
  },

  async FullDuplexCall(call) {
    echoInitialMetadata(call);
    try {
      for await (const request of call.iterator({ destroyOnReturn: false })) {
        const error = requestedError(request, call);
        if (error) {
          call.emit('error', error);
          return;
        }
        await writeResponses(request, call);
      }
      call.end(echoTrailers(call));
    } catch {
      // The client cancelled the call or its deadline passed; grpc-js has already ended it.
    }
  },

  async HalfDuplexCall(call) {
    echoInitialMetadata(call);
    const requests = [];
    try {
      for await (const request of call.iterator({ destroyOnReturn: false })) {
        requests.push(request);
      }
      for (const request of requests) {
        await writeResponses(request, call);
      }
      call.end(echoTrailers(call));
    } catch {
      // The client cancelled the call or its deadline passed; grpc-js has already ended it.
    }
  },
};

module.exports = { testService, requestEncodingInterceptor };

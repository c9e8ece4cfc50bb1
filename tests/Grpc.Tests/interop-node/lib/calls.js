'use strict';
// Promise wrappers around grpc-js calls that also capture response headers and trailers.

/** Resolves with { response, headers, trailers } or rejects with the grpc-js error (code, details, metadata). */
function unary(client, method, request, metadata, options = {}) {
  return new Promise((resolve, reject) => {
    let headers = null;
    let response;
    let callbackDone = false;
    let status = null;
    const settle = () => {
      if (callbackDone && status) {
        resolve({ response, headers, trailers: status.metadata });
      }
    };
    const call = client[method](request, metadata, options, (error, value) => {
      if (error) {
        reject(error);
        return;
      }
      response = value;
      callbackDone = true;
      settle();
    });
    call.on('metadata', value => { headers = value; });
    call.on('status', value => { status = value; settle(); });
  });
}

/** Sends each { message, flags } and half-closes; resolves with the response. */
function clientStreaming(client, method, writes, metadata, options = {}) {
  return new Promise((resolve, reject) => {
    const call = client[method](metadata, options, (error, value) => (error ? reject(error) : resolve(value)));
    for (const { message, flags } of writes) {
      call.write(message, flags);
    }
    call.end();
  });
}

/** Collects every response of a stream; resolves with { responses, headers, trailers }. */
function collect(call) {
  return new Promise((resolve, reject) => {
    const responses = [];
    let headers = null;
    let ended = false;
    let status = null;
    const settle = () => {
      if (ended && status && status.code === 0) {
        resolve({ responses, headers, trailers: status.metadata });
      }
    };
    call.on('metadata', value => { headers = value; });
    call.on('data', value => responses.push(value));
    call.on('error', reject);
    call.on('end', () => { ended = true; settle(); });
    call.on('status', value => { status = value; settle(); });
  });
}

/** Resolves with the grpc-js error a call ends with; rejects if it succeeds. */
function expectError(promise) {
  return promise.then(
    () => { throw new Error('expected the call to fail, it succeeded'); },
    error => {
      if (typeof error.code !== 'number') {
        throw error;
      }
      return error;
    });
}

/** Reads a stream's responses one at a time: `next()` resolves like an async iterator's. */
function reader(call) {
  const buffered = [];
  const waiting = [];
  let ended = false;
  let failure = null;
  const flush = () => {
    while (waiting.length > 0 && (buffered.length > 0 || ended || failure)) {
      const waiter = waiting.shift();
      if (buffered.length > 0) {
        waiter.resolve({ value: buffered.shift(), done: false });
      } else if (failure) {
        waiter.reject(failure);
      } else {
        waiter.resolve({ value: undefined, done: true });
      }
    }
  };
  call.on('data', value => { buffered.push(value); flush(); });
  call.on('end', () => { ended = true; flush(); });
  call.on('error', error => { failure = error; flush(); });
  return { next: () => new Promise((resolve, reject) => { waiting.push({ resolve, reject }); flush(); }) };
}

/** The first 'error' event of a call, as a promise. */
function nextError(call) {
  return new Promise(resolve => call.once('error', resolve));
}

module.exports = { unary, clientStreaming, collect, reader, expectError, nextError };

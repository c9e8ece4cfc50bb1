'use strict';

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

function checkEqual(actual, expected, what) {
  check(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function checkStatus(error, code, what) {
  checkEqual(error.code, code, `${what} status code (details: ${error.details})`);
}

function checkPayload(payload, size, what) {
  check(payload, `${what}: response has no payload`);
  checkEqual(payload.body.length, size, `${what} payload size`);
  check(payload.body.every(b => b === 0), `${what}: payload body is not all zeros`);
}

function checkPayloadSizes(responses, sizes, what) {
  checkEqual(responses.length, sizes.length, `${what} response count`);
  responses.forEach((response, i) => checkPayload(response.payload, sizes[i], `${what} response ${i}`));
}

module.exports = { check, checkEqual, checkStatus, checkPayload, checkPayloadSizes };

'use strict';
// A bare HTTP/2 gRPC call with node's http2 module. grpc-js never tells its caller whether a
// response message arrived with the compressed flag set, so the server_compressed_* cases use
// this to read the flag of every response frame from the wire.
const http2 = require('http2');
const zlib = require('zlib');

function frame(messageBytes) {
  const out = Buffer.alloc(5 + messageBytes.length);
  out.writeUInt8(0, 0);
  out.writeUInt32BE(messageBytes.length, 1);
  messageBytes.copy(out, 5);
  return out;
}

function parseFrames(body, encoding) {
  const frames = [];
  let offset = 0;
  while (offset < body.length) {
    if (body.length - offset < 5) {
      throw new Error(`truncated gRPC frame header at offset ${offset}`);
    }
    const compressed = body.readUInt8(offset) === 1;
    const length = body.readUInt32BE(offset + 1);
    const payload = body.subarray(offset + 5, offset + 5 + length);
    if (payload.length !== length) {
      throw new Error(`truncated gRPC frame: expected ${length} bytes, got ${payload.length}`);
    }
    if (compressed && encoding !== 'gzip') {
      throw new Error(`compressed frame with grpc-encoding '${encoding}'`);
    }
    frames.push({ compressed, message: compressed ? zlib.gunzipSync(payload) : payload });
    offset += 5 + length;
  }
  return frames;
}

/** Sends one request message to `path` and resolves with the response frames and status. */
function rawCall(host, port, path, requestBytes) {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`http://${host}:${port}`);
    session.on('error', reject);
    const request = session.request({
      ':method': 'POST',
      ':path': path,
      'content-type': 'application/grpc',
      te: 'trailers',
      'grpc-accept-encoding': 'identity,gzip',
    });
    const chunks = [];
    let responseHeaders = {};
    let trailers = {};
    request.on('response', headers => { responseHeaders = headers; });
    request.on('trailers', headers => { trailers = headers; });
    request.on('data', chunk => chunks.push(chunk));
    request.on('error', reject);
    request.on('end', () => {
      session.close();
      try {
        const encoding = responseHeaders['grpc-encoding'] ?? 'identity';
        const status = trailers['grpc-status'] ?? responseHeaders['grpc-status'];
        resolve({ status: Number(status), frames: parseFrames(Buffer.concat(chunks), encoding) });
      } catch (err) {
        reject(err);
      }
    });
    request.end(frame(requestBytes));
  });
}

module.exports = { rawCall };

import type { DescMethodUnary, MessageInitShape } from "@bufbuild/protobuf";
import {
  Customers,
  type ImportCustomersRequestSchema,
  type ImportJob,
  type ImportJobSchema,
} from "../gen/crm/customers/v1/customers_pb";
import { transport } from "./clients";

/**
 * ImportCustomers is client streaming, which a browser cannot send: connect-web's gRPC-Web transport refuses streaming
 * request bodies because fetch cannot stream them. On the wire a client stream of exactly one message is the same as a
 * unary call (one framed message in, one message and the trailers out), and the contract lets every call carry one
 * batch of the same import_id. So each batch goes through the transport's unary path with the method's own
 * descriptor, read as unary.
 */
export async function sendImportBatch(request: MessageInitShape<typeof ImportCustomersRequestSchema>, signal?: AbortSignal): Promise<ImportJob> {
  const asUnary = Customers.method.importCustomers as unknown as DescMethodUnary<typeof ImportCustomersRequestSchema, typeof ImportJobSchema>;
  const response = await transport.unary(asUnary, signal, undefined, undefined, request);
  return response.message;
}

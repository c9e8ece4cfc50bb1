import { Code, ConnectError, createClient, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { Customers } from "../gen/crm/customers/v1/customers_pb";
import { Identity } from "../gen/crm/identity/v1/identity_pb";
import { session } from "./session";

/** Sends the signed-in user's access token with every call; an UNAUTHENTICATED answer ends the session. */
const authorize: Interceptor = (next) => async (request) => {
  const token = await session.accessTokenForCall();
  if (token) request.header.set("authorization", `Bearer ${token}`);
  try {
    return await next(request);
  } catch (error) {
    if (ConnectError.from(error).code === Code.Unauthenticated) session.expired();
    throw error;
  }
};

/** gRPC-Web to the gateway that served this page, which passes the calls on to the services as gRPC. */
export const transport = createGrpcWebTransport({ baseUrl: window.location.origin, interceptors: [authorize] });

export const customers = createClient(Customers, transport);
export const identity = createClient(Identity, transport);

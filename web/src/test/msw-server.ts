import { setupServer } from "msw/node";

/** Tests add their handlers with server.use(...); none are shared, so each test states what the server says. */
export const server = setupServer();

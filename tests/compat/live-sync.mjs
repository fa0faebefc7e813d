// A device listening for live sync the way the Bitwarden apps do: @microsoft/signalr with the MessagePack
// protocol, the access token in the query string. Prints "connected", then each message as one JSON line.
// Usage: node live-sync.mjs <notifications base url> <access token> [anonymous-hub token]
import * as signalR from "@microsoft/signalr";
import { MessagePackHubProtocol } from "@microsoft/signalr-protocol-msgpack";

const [base, accessToken, anonymousToken] = process.argv.slice(2);
const url = anonymousToken ? `${base}/anonymous-hub?Token=${encodeURIComponent(anonymousToken)}` : `${base}/hub`;
const connection = new signalR.HubConnectionBuilder()
  .withUrl(url, { accessTokenFactory: () => accessToken, skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
  .withHubProtocol(new MessagePackHubProtocol())
  .configureLogging(signalR.LogLevel.Warning)
  .build();
connection.on("ReceiveMessage", (message) => console.log(JSON.stringify(message)));
connection.on("Heartbeat", () => {});
// The anonymous hub answers a login-with-device request under this name (Bitwarden's spelling).
connection.on("AuthRequestResponseRecieved", (message) => console.log(JSON.stringify(message)));
await connection.start();
console.log("connected");

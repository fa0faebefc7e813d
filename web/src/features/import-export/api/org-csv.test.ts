import { expect, it } from "vitest";
import { toOrgCsv } from "./org-csv";

it("writes the org CSV columns with RFC 4180 quoting", () => {
  const csv = toOrgCsv([{ collections: ["Ops", "Net"], type: "login", name: 'Say "hi"', notes: "line1\nline2",
    fields: [{ name: "pin", value: "1" }], reprompt: 0, uris: ["https://a.com"], username: "bob", password: "p,w", totp: "" }]);
  const [header, row] = csv.split("\r\n");
  expect(header).toBe("collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp");
  expect(row).toBe('"Ops,Net",login,"Say ""hi""","line1\nline2",pin: 1,0,https://a.com,bob,"p,w",');
});

import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { server } from "../../../test/msw-server";
import { PolicyType, sendPoliciesOf } from "../api/send-policies";
import { SendsPage } from "./sends-page";

const org = "22222222-2222-2222-2222-222222222222";
const Owner = 0, User = 2, Confirmed = 2, Invited = 0;
const policy = (type: number, data: Record<string, unknown> | null = null, enabled = true) =>
  ({ object: "policy", id: `p${type}`, organizationId: org, type, enabled, data });
type Policy = ReturnType<typeof policy>;
const sync = (memberType: number, policies: Policy[], status = Confirmed) =>
  ({ profile: { organizations: [{ id: org, type: memberType, status }] }, policies });

function open(syncBody: ReturnType<typeof sync>) {
  server.use(
    http.get("/api/sends", () => HttpResponse.json({ object: "list", data: [], continuationToken: null })),
    http.get("/api/sync", () => HttpResponse.json(syncBody)),
  );
  render(<MemoryRouter><SendsPage /></MemoryRouter>);
}

describe("Send policies", () => {
  it("binds accepted members who are not owners or admins, as the server does", () => {
    const disabled = [policy(PolicyType.DisableSend)];
    expect(sendPoliciesOf(sync(User, disabled)).disableSend).toBe(true);
    expect(sendPoliciesOf(sync(Owner, disabled)).disableSend).toBe(false);
    expect(sendPoliciesOf(sync(User, disabled, Invited)).disableSend).toBe(false);
    expect(sendPoliciesOf(sync(User, [policy(PolicyType.DisableSend, null, false)])).disableSend).toBe(false);
    expect(sendPoliciesOf(sync(User, [policy(PolicyType.SendOptions, { disableHideEmail: false })])).disableHideEmail).toBe(false);
    expect(sendPoliciesOf(sync(User, [policy(PolicyType.SendOptions, { disableHideEmail: true })])).disableHideEmail).toBe(true);
  });

  it("Disable Send: says so up front and disables New Send with the reason", async () => {
    open(sync(User, [policy(PolicyType.DisableSend)]));
    const note = await screen.findByRole("note", { name: "Organization policies on Send" });
    expect(note.textContent).toContain("stops you from creating or editing Sends");
    const buttons = screen.getAllByRole("button", { name: "New Send" });
    for (const button of buttons) {
      expect((button as HTMLButtonElement).disabled).toBe(true);
      expect(button.getAttribute("aria-describedby")).toBeTruthy();
    }
    expect(screen.getAllByText("Sends are disabled by an organization policy.").length).toBeGreaterThan(0);
  });

  it("Send options: says so, and the hide-email box is disabled with the reason", async () => {
    open(sync(User, [policy(PolicyType.SendOptions, { disableHideEmail: true })]));
    expect((await screen.findByRole("note", { name: "Organization policies on Send" })).textContent)
      .toContain("email address to stay visible");
    const [button] = screen.getAllByRole("button", { name: "New Send" });
    expect((button as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(button!);
    const box = await screen.findByRole("checkbox", { name: /hide my email/i });
    expect((box as HTMLInputElement).disabled).toBe(true);
    expect(box.getAttribute("aria-describedby")).toBeTruthy();
  });
});

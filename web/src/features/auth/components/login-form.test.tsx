import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { LoginForm } from "./login-form";
import { UnlockForm } from "./unlock-form";

describe("auth components", () => {
  it("labels the inputs and submits what was typed", async () => {
    const onSubmit = vi.fn(async () => {});
    render(<LoginForm onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText("Email address"), "a@b.c");
    await userEvent.type(screen.getByLabelText("Master password"), "secret");
    expect(screen.getByLabelText("Master password")).toHaveProperty("type", "password");
    await userEvent.click(screen.getByRole("button", { name: "Log in" }));
    expect(onSubmit).toHaveBeenCalledWith("a@b.c", "secret");
  });

  it("shows the server's message when login fails", async () => {
    render(<LoginForm onSubmit={async () => { throw new Error("Username or password is incorrect. Try again."); }} />);
    await userEvent.type(screen.getByLabelText("Email address"), "a@b.c");
    await userEvent.type(screen.getByLabelText("Master password"), "x");
    await userEvent.click(screen.getByRole("button", { name: "Log in" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Username or password is incorrect. Try again.");
  });

  it("unlock names the account and reports a wrong password", async () => {
    render(<UnlockForm email="a@b.c" onSubmit={async () => { throw new Error("Invalid master password."); }} />);
    expect(screen.getByText("Logged in as a@b.c.")).toBeTruthy();
    await userEvent.type(screen.getByLabelText("Master password"), "wrong");
    await userEvent.click(screen.getByRole("button", { name: "Unlock" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Invalid master password.");
  });
});

import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LoginForm } from "./login-form";
import { UnlockedStatus } from "./unlocked-status";

describe("auth components", () => {
  it("labels the email and master password inputs", () => {
    const html = renderToStaticMarkup(<LoginForm onSubmit={async () => {}} />);
    const emailId = /<label for="([^"]+)">Email address<\/label>/.exec(html)?.[1];
    const passwordId = /<label for="([^"]+)">Master password<\/label>/.exec(html)?.[1];
    expect(html).toContain(`id="${emailId}"`);
    expect(html).toContain(`id="${passwordId}"`);
    expect(html).toContain('type="password"');
    expect(html.toLowerCase()).toContain('autocomplete="current-password"');
  });

  it("shows the unlocked account", () => {
    const html = renderToStaticMarkup(<UnlockedStatus email="a@b.c" onLock={() => {}} />);
    expect(html).toContain('<p role="status">Unlocked as a@b.c</p>');
  });
});

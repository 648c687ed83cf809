import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MalformedFormError, malformedForm, parseForm, readForm } from "~/http/form.server";

function multipart(body: string, type = "multipart/form-data; boundary=B"): Request {
  return new Request("http://parboard.test/x?lang=en", { method: "POST", body, headers: { "Content-Type": type } });
}

describe("reading a posted form", () => {
  it("reads a file name holding = and ; as browsers send it", async () => {
    const form = await parseForm(multipart('--B\r\nContent-Disposition: form-data; name="file"; filename="=a;b=c.csv"\r\n\r\nx\r\n--B--\r\n'));
    const file = form.get("file");
    expect(file instanceof File ? file.name : null).toBe("=a;b=c.csv");
  });

  it("takes a bare POST without type or body as an empty form", async () => {
    const form = await parseForm(new Request("http://parboard.test/logout", { method: "POST" }));
    expect([...form.keys()]).toEqual([]);
  });

  it("refuses broken framing, a missing boundary and an untyped body as MalformedFormError, and readForm answers 400 with the sentence", async () => {
    const bad = [
      multipart("--B\r\nno colon here\r\n\r\nx\r\n--B--\r\n"),
      multipart("confirm=yes", "multipart/form-data"),
      new Request("http://parboard.test/x", { method: "POST", body: new Blob(["confirm=yes"]) }),
    ];
    for (const request of bad) await expect(parseForm(request.clone())).rejects.toBeInstanceOf(MalformedFormError);
    const answer = await readForm(bad[0]!).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(answer).toBeInstanceOf(Response);
    expect(answer instanceof Response ? [answer.status, await answer.text()] : null).toEqual([400, await malformedForm(bad[0]!).text()]);
    expect(await malformedForm(bad[0]!).text()).toContain("The form sent could not be read");
  });

  it("is the only reader of forms: no module of app/ calls request.formData() itself", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(entry.name) && p !== path.resolve("app/http/form.server.ts") && /\.formData\(\)/.test(fs.readFileSync(p, "utf8"))) offenders.push(p);
      }
    };
    walk(path.resolve("app"));
    expect(offenders).toEqual([]);
  });
});

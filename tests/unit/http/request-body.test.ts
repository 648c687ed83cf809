import { describe, expect, it } from "vitest";
import { FORM_BODY_LIMIT, MULTIPART_OVERHEAD, bodyCap, checkRequestBody, drainBound } from "~/http/request-body";

const base = { method: "POST", contentType: "application/x-www-form-urlencoded", contentLength: "120", transferEncoding: undefined, cap: FORM_BODY_LIMIT };

describe("bodyCap", () => {
  it("gives the upload page the largest file plus the multipart framing, and every other form 64 KB", () => {
    expect(bodyCap("/upload", 20 * 1024 * 1024)).toBe(20 * 1024 * 1024 + MULTIPART_OVERHEAD);
    expect(bodyCap("/login", 20 * 1024 * 1024)).toBe(64 * 1024);
    expect(bodyCap("/uploads/3/rollback", 20 * 1024 * 1024)).toBe(64 * 1024);
  });
});

describe("checkRequestBody", () => {
  it("lets reads and small forms through", () => {
    expect(checkRequestBody({ ...base, method: "GET", contentType: undefined, contentLength: undefined })).toEqual({ ok: true });
    expect(checkRequestBody(base)).toEqual({ ok: true });
    expect(checkRequestBody({ ...base, contentType: "multipart/form-data; boundary=x" })).toEqual({ ok: true });
    expect(checkRequestBody({ ...base, contentType: undefined, contentLength: "0" })).toEqual({ ok: true });
  });
  it("answers 415 for a body that is not a form (the cause of a 500 from formData())", () => {
    expect(checkRequestBody({ ...base, contentType: "text/plain" })).toEqual({ ok: false, status: 415 });
    expect(checkRequestBody({ ...base, contentType: "application/json" })).toEqual({ ok: false, status: 415 });
    expect(checkRequestBody({ ...base, contentType: undefined })).toEqual({ ok: false, status: 415 });
  });
  it("answers 413 for a declared length over the cap, and leaves a chunked body to the count while it streams", () => {
    expect(checkRequestBody({ ...base, contentLength: String(FORM_BODY_LIMIT + 1) })).toEqual({ ok: false, status: 413 });
    expect(checkRequestBody({ ...base, contentLength: String(FORM_BODY_LIMIT) })).toEqual({ ok: true });
    expect(checkRequestBody({ ...base, contentLength: undefined, transferEncoding: "chunked" })).toEqual({ ok: true });
    const upload = { ...base, contentType: "multipart/form-data; boundary=x", cap: bodyCap("/upload", 1_000_000) };
    expect(checkRequestBody({ ...upload, contentLength: "1064000" })).toEqual({ ok: true });
    expect(checkRequestBody({ ...upload, contentLength: "1066000" })).toEqual({ ok: false, status: 413 });
  });
});

describe("drainBound", () => {
  it("reads a declared body to its end after the answer, up to ten times the cap, so a browser sees the answer", () => {
    expect(drainBound("300000", FORM_BODY_LIMIT)).toBe(300_000);
    expect(drainBound(String(100 * FORM_BODY_LIMIT), FORM_BODY_LIMIT)).toBe(10 * FORM_BODY_LIMIT);
  });
  it("drops only a little of a body of unknown length", () => {
    expect(drainBound(undefined, 20 * 1024 * 1024)).toBe(FORM_BODY_LIMIT);
    expect(drainBound("nonsense", 20 * 1024 * 1024)).toBe(FORM_BODY_LIMIT);
  });
});

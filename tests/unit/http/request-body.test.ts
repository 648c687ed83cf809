import { describe, expect, it } from "vitest";
import { FORM_BODY_LIMIT, checkRequestBody } from "~/http/request-body";

const base = { method: "POST", path: "/login", contentType: "application/x-www-form-urlencoded", contentLength: "120", transferEncoding: undefined };

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
  it("answers 411 for a body of unknown length and 413 above the limit", () => {
    expect(checkRequestBody({ ...base, contentLength: undefined, transferEncoding: "chunked" })).toEqual({ ok: false, status: 411 });
    expect(checkRequestBody({ ...base, contentLength: String(FORM_BODY_LIMIT + 1) })).toEqual({ ok: false, status: 413 });
  });
  it("leaves the size of an upload to the upload page, which says what the limit is", () => {
    const upload = { ...base, path: "/upload", contentType: "multipart/form-data; boundary=x" };
    expect(checkRequestBody({ ...upload, contentLength: String(21 * 1024 * 1024) })).toEqual({ ok: true });
    expect(checkRequestBody({ ...upload, contentType: "text/plain" })).toEqual({ ok: false, status: 415 });
  });
});

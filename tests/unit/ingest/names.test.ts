import { describe, expect, it } from "vitest";

import { nameKey, namesMatch } from "~/ingest/names";

describe("namesMatch", () => {
  it("accepts the registered name up to case, spacing, NFD and tone placement", () => {
    expect(namesMatch("Xã Nghĩa An", "Xã Nghĩa An")).toBe(true);
    expect(namesMatch("XÃ NGHĨA AN", "Xã Nghĩa An")).toBe(true);
    expect(namesMatch("xã  nghĩa   an", "Xã Nghĩa An")).toBe(true);
    expect(namesMatch("Xa\u0303 Nghi\u0303a An", "Xã Nghĩa An")).toBe(true);
    expect(namesMatch("Xã Ứng Hòe", "Xã Ứng Hoè")).toBe(true);
    expect(namesMatch("Xã Vĩnh Hoà", "Xã Vĩnh Hòa")).toBe(true);
  });

  it("accepts the name without the kind of unit", () => {
    expect(namesMatch("Nghĩa An", "Xã Nghĩa An")).toBe(true);
    expect(namesMatch("Ninh Giang", "Thị trấn Ninh Giang")).toBe(true);
    expect(namesMatch("Quang Trung", "Phường Quang Trung")).toBe(true);
  });

  it("rejects another unit's name and a name without its diacritics", () => {
    expect(namesMatch("Xã Nghĩa Hưng", "Xã Nghĩa An")).toBe(false);
    expect(namesMatch("Xa Nghia An", "Xã Nghĩa An")).toBe(false);
    expect(namesMatch("Xã Hồng Phúc", "Xã Hồng Phong")).toBe(false);
    expect(namesMatch("Xã", "Xã Nghĩa An")).toBe(false);
  });
});

describe("nameKey", () => {
  it("moves the tone mark to the end of its word", () => {
    expect(nameKey("Hoè")).toBe(nameKey("Hòe"));
    expect(nameKey("hoà")).not.toBe(nameKey("hoa"));
  });
});

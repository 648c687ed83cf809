import { describe, expect, it } from "vitest";
import { MAX_FILE_NAME_LENGTH, cleanFileName } from "~/routes/upload/file-name";

describe("an uploaded file's name", () => {
  it("is kept as sent, = ; quotes and Vietnamese letters included", () => {
    for (const name of ["a=b;c.csv", "=SUM(A1);x.csv", 'bảng tính "quý 4".csv', "100% xong.csv", "<b>.csv", "  spaced .csv"]) {
      expect(cleanFileName(name)).toBe(name);
    }
  });

  it("loses its folder, control characters and bidirectional overrides, and is NFC", () => {
    expect(cleanFileName("C:\\Users\\an\\Desktop\\q4.csv")).toBe("q4.csv");
    expect(cleanFileName("/home/an/q4.csv")).toBe("q4.csv");
    expect(cleanFileName("q\u0000\u0007\r\n\u009b4.csv")).toBe("q4.csv");
    // "exe.csv" shown as "vsc.exe" by a right-to-left override.
    expect(cleanFileName("\u202Evsc.exe")).toBe("vsc.exe");
    expect(cleanFileName("Hoe\u0300.csv")).toBe("Hoè.csv");
  });

  it("is cut at 200 characters without splitting a letter outside the BMP", () => {
    const long = `${"a".repeat(MAX_FILE_NAME_LENGTH - 1)}😀😀.csv`;
    const cut = cleanFileName(long);
    expect(Array.from(cut)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(cut.endsWith("😀")).toBe(true);
    expect(cut).not.toMatch(/\p{Cs}/u);
  });
});

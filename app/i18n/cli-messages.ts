import type { Dictionary } from "./dictionary";

export const cliMessages: { vi: Dictionary; en: Dictionary } = {
  vi: {
    "cli.import.usage": "Cách dùng: npm run import -- [--lang vi|en] [--user TÊN] TỆP.csv [TỆP.csv …]",
    "cli.locked":
      "Máy chủ parboard đang mở cơ sở dữ liệu {path} ({holder}): hãy dừng máy chủ rồi chạy lại lệnh, hoặc tải tệp lên qua trang Tải dữ liệu của máy chủ.",
    "cli.fileErrors": "{file}: {count} lỗi",
    "cli.fileWarnings": "{file}: {count} cảnh báo",
    "cli.nothingSaved": "Không lưu gì: hãy sửa các lỗi trên rồi chạy lại.",
    "cli.crossFileDuplicate":
      "{file}, dòng {line}: đơn vị {code} kỳ {period} đã có trong {otherFile} (dòng {otherLine}); mỗi đơn vị chỉ được một dòng cho mỗi kỳ trong một lần nạp.",
    "cli.committed":
      "{file}: đã lưu lần tải #{id} — {rows} dòng, {units} đơn vị, kỳ {periods} ({new} mới, {changed} thay đổi, {unchanged} không đổi).",
    "cli.readFailed": "Không đọc được tệp {file}: {reason}",
    "cli.seed.notEmpty": "Cơ sở dữ liệu {path} đã có dữ liệu ({uploads} lần tải); không nạp dữ liệu mẫu.",
    "cli.seed.done": "Đã nạp dữ liệu mẫu: {files} tệp, {rows} dòng vào {path}.",
  },
  en: {
    "cli.import.usage": "Usage: npm run import -- [--lang vi|en] [--user NAME] FILE.csv [FILE.csv …]",
    "cli.locked":
      "The parboard server has the database {path} open ({holder}): stop the server and run the command again, or upload the file on the server's Upload page.",
    "cli.fileErrors": "{file}: {count} error(s)",
    "cli.fileWarnings": "{file}: {count} warning(s)",
    "cli.nothingSaved": "Nothing was saved: fix the errors above and run the command again.",
    "cli.crossFileDuplicate":
      "{file}, line {line}: unit {code}, period {period} is also in {otherFile} (line {otherLine}); one import may hold each unit and period once.",
    "cli.committed":
      "{file}: committed as upload #{id} — {rows} rows, {units} units, periods {periods} ({new} new, {changed} changed, {unchanged} unchanged).",
    "cli.readFailed": "Cannot read the file {file}: {reason}",
    "cli.seed.notEmpty": "The database {path} already has data ({uploads} uploads); the sample data was not loaded.",
    "cli.seed.done": "Sample data loaded: {files} files, {rows} rows into {path}.",
  },
};

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
    "cli.publish.usage":
      "Cách dùng: npm run publish -- QUÝ [QUÝ …] [--note \"…\"] [--allow-missing] | --all | --withdraw QUÝ --reason \"…\" (QUÝ như 2025-Q1; --user TÊN, --lang vi|en)",
    "cli.publish.badPeriod": "“{value}” không phải một quý: hãy ghi như 2025-Q1.",
    "cli.publish.done": "Đã công bố {period}, phiên bản {version}: {units} đơn vị.",
    "cli.publish.doneMissing": "Đã công bố {period}, phiên bản {version}: {units} đơn vị; chưa báo cáo: {missing}.",
    "cli.publish.unchanged": "{period}: không có gì thay đổi so với phiên bản {version} đang công bố; không tạo phiên bản mới.",
    "cli.publish.noData": "{period}: chưa có số liệu nên không thể công bố.",
    "cli.publish.missing": "{period}: {count} đơn vị chưa báo cáo ({missing}). Công bố khi còn thiếu đơn vị cần thêm --allow-missing.",
    "cli.publish.notPublished": "{period}: không có phiên bản nào đang công bố để thu hồi.",
    "cli.publish.withdrawn": "Đã thu hồi phiên bản {version} của {period}.",
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
    "cli.publish.usage":
      "Usage: npm run publish -- QUARTER [QUARTER …] [--note \"…\"] [--allow-missing] | --all | --withdraw QUARTER --reason \"…\" (QUARTER as 2025-Q1; --user NAME, --lang vi|en)",
    "cli.publish.badPeriod": "“{value}” is not a quarter: write it as 2025-Q1.",
    "cli.publish.done": "Published {period}, version {version}: {units} units.",
    "cli.publish.doneMissing": "Published {period}, version {version}: {units} units; not reported: {missing}.",
    "cli.publish.unchanged": "{period}: nothing changed since the standing version {version}; no new version made.",
    "cli.publish.noData": "{period}: there is no data to publish.",
    "cli.publish.missing": "{period}: {count} units have not reported ({missing}). Publishing with units missing needs --allow-missing.",
    "cli.publish.notPublished": "{period}: no standing version to withdraw.",
    "cli.publish.withdrawn": "Withdrew version {version} of {period}.",
  },
};

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
      "{file}, dòng {line}: đơn vị {code}, {period} đã có trong {otherFile} (dòng {otherLine}); mỗi đơn vị chỉ được một dòng cho mỗi kỳ trong một lần nạp.",
    "cli.committed":
      "{file}: đã lưu lần tải #{id} — {rows} dòng, {units} đơn vị, kỳ {periods} ({new} mới, {changed} thay đổi, {unchanged} không đổi).",
    "cli.readFailed": "Không đọc được tệp {file}: {reason}",
    "cli.seed.notEmpty": "Cơ sở dữ liệu {path} đã có dữ liệu ({uploads} lần tải); không nạp dữ liệu mẫu.",
    "cli.seed.done": "Đã nạp dữ liệu mẫu: {files} tệp, {rows} dòng vào {path}; đã công bố {published} quý.",
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
    "cli.backup.usage": "Cách dùng: npm run backup -- [--lang vi|en] TỆP-SAO-LƯU.duckdb (chạy được cả khi máy chủ đang chạy)",
    "cli.backup.done": "Đã sao lưu vào {file} ({how}): phiên bản lược đồ {version}, {uploads} lần tải, {rows} dòng báo cáo, {users} tài khoản, {audit} mục nhật ký.",
    "cli.backup.how.server": "máy chủ đang chạy ghi bản sao",
    "cli.backup.how.direct": "đọc trực tiếp, máy chủ không chạy",
    "cli.backup.targetExists": "Tệp {file} đã có: hãy chọn một tên tệp mới (bản sao lưu không bao giờ ghi đè tệp có sẵn).",
    "cli.backup.missing": "Không có cơ sở dữ liệu ở {file}.",
    "cli.backup.noServer":
      "Cơ sở dữ liệu {path} đang bị một tiến trình khác giữ ({holder}) nhưng không có máy chủ parboard nào của nó trả lời ({reason}). Hãy dừng tiến trình đó rồi chạy lại lệnh.",
    "cli.backup.keyUnreadable": "Không đọc được tệp khóa của máy chủ {file} ({reason}): hãy chạy lệnh bằng đúng tài khoản hệ điều hành đang chạy máy chủ.",
    "cli.backup.serverFailed": "Máy chủ đang chạy không ghi được bản sao lưu: {reason}",
    "cli.restore.usage": "Cách dùng: npm run restore -- [--lang vi|en] TỆP-SAO-LƯU.duckdb (khi máy chủ đã dừng)",
    "cli.restore.serverRunning":
      "Máy chủ parboard đang chạy trên {path} ({holder}): hãy dừng máy chủ trước. Khôi phục thay tệp cơ sở dữ liệu, mà máy chủ đang mở.",
    "cli.restore.same": "{file} chính là cơ sở dữ liệu đang dùng: hãy chỉ ra một tệp sao lưu.",
    "cli.restore.backupHeld": "{file} đang được một tiến trình khác mở ({holder}), nên không phải một bản sao lưu: hãy dùng tệp do npm run backup ghi.",
    "cli.restore.notDuckdb": "{file} không phải là cơ sở dữ liệu DuckDB ({reason}).",
    "cli.restore.notParboard": "{file} không phải là cơ sở dữ liệu parboard: thiếu các bảng {missing}.",
    "cli.restore.unknownVersion":
      "{file} do một phiên bản parboard mới hơn ghi (lược đồ {versions}; bản này chỉ biết đến phiên bản {latest}): hãy khôi phục bằng phiên bản parboard đó.",
    "cli.restore.done": "Đã khôi phục {file} vào {path}: phiên bản lược đồ {version}, {uploads} lần tải, {rows} dòng báo cáo, {users} tài khoản, {audit} mục nhật ký.",
    "cli.restore.kept": "Cơ sở dữ liệu bị thay được giữ lại ở {kept}; hãy xóa nó khi không còn cần.",
    "cli.restore.fresh": "Trước đó chưa có cơ sở dữ liệu ở {path}.",
  },
  en: {
    "cli.import.usage": "Usage: npm run import -- [--lang vi|en] [--user NAME] FILE.csv [FILE.csv …]",
    "cli.locked":
      "The parboard server has the database {path} open ({holder}): stop the server and run the command again, or upload the file on the server's Upload page.",
    "cli.fileErrors": "{file}: {count} error(s)",
    "cli.fileWarnings": "{file}: {count} warning(s)",
    "cli.nothingSaved": "Nothing was saved: fix the errors above and run the command again.",
    "cli.crossFileDuplicate":
      "{file}, line {line}: unit {code}, {period} is also in {otherFile} (line {otherLine}); one import may hold each unit and period once.",
    "cli.committed":
      "{file}: committed as upload #{id} — {rows} rows, {units} units, periods {periods} ({new} new, {changed} changed, {unchanged} unchanged).",
    "cli.readFailed": "Cannot read the file {file}: {reason}",
    "cli.seed.notEmpty": "The database {path} already has data ({uploads} uploads); the sample data was not loaded.",
    "cli.seed.done": "Sample data loaded: {files} files, {rows} rows into {path}; {published} quarters published.",
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
    "cli.backup.usage": "Usage: npm run backup -- [--lang vi|en] BACKUP-FILE.duckdb (works while the server runs)",
    "cli.backup.done": "Backup written to {file} ({how}): schema version {version}, {uploads} uploads, {rows} report rows, {users} accounts, {audit} audit entries.",
    "cli.backup.how.server": "written by the running server",
    "cli.backup.how.direct": "read directly, the server is not running",
    "cli.backup.targetExists": "{file} already exists: choose a new file name (a backup never overwrites a file).",
    "cli.backup.missing": "There is no database at {file}.",
    "cli.backup.noServer":
      "The database {path} is held by another process ({holder}), but no parboard server of it answers ({reason}). Stop that process and run the command again.",
    "cli.backup.keyUnreadable": "Cannot read the server's key file {file} ({reason}): run the command as the operating-system user the server runs as.",
    "cli.backup.serverFailed": "The running server could not write the backup: {reason}",
    "cli.restore.usage": "Usage: npm run restore -- [--lang vi|en] BACKUP-FILE.duckdb (with the server stopped)",
    "cli.restore.serverRunning":
      "The parboard server is running on {path} ({holder}): stop it first. A restore replaces the database file, which the running server holds open.",
    "cli.restore.same": "{file} is the database in use itself: name a backup file.",
    "cli.restore.backupHeld": "{file} is open in another process ({holder}), so it is not a backup: use a file written by npm run backup.",
    "cli.restore.notDuckdb": "{file} is not a DuckDB database ({reason}).",
    "cli.restore.notParboard": "{file} is not a parboard database: the tables {missing} are missing.",
    "cli.restore.unknownVersion":
      "{file} was written by a newer parboard (schema {versions}; this one knows versions up to {latest}): restore it with that parboard.",
    "cli.restore.done": "Restored {file} into {path}: schema version {version}, {uploads} uploads, {rows} report rows, {users} accounts, {audit} audit entries.",
    "cli.restore.kept": "The database it replaced is kept at {kept}; delete it once you no longer need it.",
    "cli.restore.fresh": "There was no database at {path} before.",
  },
};

import type { Dictionary } from "./dictionary";

/**
 * Messages of the report ingest (app/ingest). An issue reads as
 * `{where}: {value} — {message}`, e.g. `Dòng 7, cột "Số hồ sơ được số hóa": giá trị "12,5" — cần một số
 * nguyên ≥ 0`; messages about a cell therefore start in lower case, messages about the whole file are
 * sentences of their own. Same keys in both languages (checked by tests/unit/ingest/messages.test.ts).
 */
export const ingestMessages: { vi: Dictionary; en: Dictionary } = {
  vi: {
    "ingest.where.lineColumn": 'Dòng {line}, cột "{column}"',
    "ingest.where.line": "Dòng {line}",
    "ingest.where.column": 'Cột "{column}"',
    "ingest.where.value": 'giá trị "{value}"',

    "ingest.error.tooLarge":
      "Tệp quá lớn ({size}); dung lượng tối đa cho phép là {max}. Hãy tách thành nhiều tệp nhỏ hơn, ví dụ mỗi tệp một quý.",
    "ingest.error.emptyFile": "Tệp không có nội dung. Hãy kiểm tra đã chọn đúng tệp báo cáo chưa.",
    "ingest.error.binaryFile":
      "Tệp không phải là tệp văn bản CSV (có thể là tệp Excel .xlsx, PDF hoặc hình ảnh). Hãy mở tệp trong Excel, lưu lại dưới dạng CSV UTF-8 (File › Save As › CSV UTF-8) rồi tải lên lại.",
    "ingest.error.unsupportedEncoding":
      "Tệp được lưu theo bảng mã {encoding}, hệ thống không đọc được. Hãy mở tệp trong Excel, lưu lại dưới dạng CSV UTF-8 (File › Save As › CSV UTF-8) rồi tải lên lại.",
    "ingest.error.unreadable": "Không đọc được tệp ({detail}). Hãy lưu lại tệp dưới dạng CSV UTF-8 và thử lại.",
    "ingest.error.badQuotes":
      'dấu ngoặc kép (") mở mà không đóng đúng chỗ nên không đọc được phần tiếp theo; hãy kiểm tra lại dấu ngoặc kép trong dòng này',
    "ingest.error.noHeader":
      'không nhận ra dòng tiêu đề: dòng đầu tiên của tệp phải là tên các cột, ví dụ "Mã xã", "Kỳ báo cáo", "Tổng số hồ sơ tiếp nhận" (có thể tải mẫu báo cáo về để điền)',
    "ingest.error.missingColumn": 'thiếu cột bắt buộc; hãy thêm cột có tiêu đề "{vi}" (hoặc "{field}")',
    "ingest.error.duplicateColumn":
      'cột bị trùng với cột "{firstColumn}"; mỗi chỉ tiêu chỉ được có một cột, hãy xóa một trong hai cột',
    "ingest.error.noRows": "Tệp chỉ có dòng tiêu đề, chưa có dòng số liệu nào.",
    "ingest.error.wrongCellCount":
      "dòng có {actual} ô trong khi dòng tiêu đề có {expected} cột; hãy kiểm tra ô bị thừa, bị thiếu hoặc dấu phân cách trong ô chưa đặt trong ngoặc kép",
    "ingest.error.requiredCode": "ô đang để trống; cần mã đơn vị gồm 5 chữ số",
    "ingest.error.badCode": "cần mã đơn vị gồm đúng 5 chữ số, giữ nguyên các số 0 ở đầu",
    "ingest.error.codeLeadingZero":
      'mã đơn vị chỉ có 4 chữ số, có lẽ Excel đã bỏ mất số 0 ở đầu; mã đúng có phải là "{hint}"? Hãy định dạng cột mã là Văn bản (Text) rồi nhập lại',
    "ingest.error.unknownUnit": "mã đơn vị không có trong danh mục đơn vị hành chính",
    "ingest.error.requiredPeriod": "ô đang để trống; cần kỳ báo cáo dạng YYYY-Qn, ví dụ 2023-Q4",
    "ingest.error.badPeriod": "cần kỳ báo cáo dạng {expected}",
    "ingest.error.required": "ô đang để trống; cần một số nguyên ≥ 0 (ghi 0 nếu không có)",
    "ingest.error.notWholeNumber": "cần một số nguyên ≥ 0",
    "ingest.error.negative": "là số âm; cần một số nguyên ≥ 0",
    "ingest.error.tooBig": "số quá lớn; tối đa là {max}",
    "ingest.error.exceedsDenominator":
      'không được lớn hơn "{denominator}" của cùng dòng ({denominatorValue})',
    "ingest.error.unitEnded": "{name} ({code}) không còn từ {after}; từ kỳ này thuộc {successors}. Hãy báo cáo {period} theo đơn vị mới.",
    "ingest.error.unitEndedAlone": "{name} ({code}) không còn từ {after}, nên không có số liệu {period}.",
    "ingest.error.unitNotYet": "{name} ({code}) chỉ có từ {from}; {period} hãy báo cáo theo các đơn vị cũ.",
    "ingest.error.duplicateRow":
      "đơn vị {code} đã có số liệu {period} ở dòng {firstLine}; mỗi đơn vị chỉ được một dòng cho mỗi kỳ báo cáo",
    "ingest.error.tooManyErrors":
      "Tệp có tất cả {total} lỗi; chỉ hiển thị {shown} lỗi đầu tiên. Hãy sửa các lỗi này rồi tải lên lại.",

    "ingest.warning.windows1258":
      "Tệp được lưu theo bảng mã Windows-1258 (tiếng Việt cũ) và đã được chuyển sang Unicode. Hãy kiểm tra tên đơn vị trong bản xem trước; lần sau nên lưu dưới dạng CSV UTF-8.",
    "ingest.warning.unknownColumn": "cột không có trong mẫu báo cáo nên sẽ được bỏ qua",
    "ingest.warning.totalRow": "dòng {line} là dòng tổng cộng: không lưu như một đơn vị; các tổng được đối chiếu với các dòng",
    "ingest.warning.totalMismatch": "dòng tổng cộng ghi {value} nhưng các dòng cộng lại được {sum}",
    "ingest.warning.titleRows": "đã bỏ qua {count} dòng tiêu đề phía trên dòng tên cột (dòng {first}–{last}); tên cột ở dòng {header}",
    "ingest.warning.unnamedColumn": "cột thứ {index} không có tiêu đề nhưng có số liệu; số liệu của cột này sẽ được bỏ qua",
    "ingest.warning.nameMismatch":
      'tên đơn vị khác với tên trong danh mục của mã này ("{registered}"); hãy kiểm tra lại mã đơn vị',
    "ingest.warning.tooManyWarnings": "Tệp có tất cả {total} cảnh báo; chỉ hiển thị {shown} cảnh báo đầu tiên.",
  },
  en: {
    "ingest.where.lineColumn": 'Line {line}, column "{column}"',
    "ingest.where.line": "Line {line}",
    "ingest.where.column": 'Column "{column}"',
    "ingest.where.value": 'value "{value}"',

    "ingest.error.tooLarge":
      "The file is too large ({size}); the limit is {max}. Split it into smaller files, for example one per quarter.",
    "ingest.error.emptyFile": "The file is empty. Check that you picked the report file.",
    "ingest.error.binaryFile":
      "This is not a CSV text file (it may be an Excel .xlsx workbook, a PDF or an image). Open it in Excel, choose Save As › CSV UTF-8 and upload it again.",
    "ingest.error.unsupportedEncoding":
      "The file is saved as {encoding}, which cannot be read. Open it in Excel, choose Save As › CSV UTF-8 and upload it again.",
    "ingest.error.unreadable": "The file could not be read ({detail}). Save it as CSV UTF-8 and try again.",
    "ingest.error.badQuotes":
      'a double quote (") is opened but not closed where it should be, so what follows cannot be read; check the quotes on this line',
    "ingest.error.noHeader":
      'no header row found: the first line of the file must name the columns, e.g. "commune_code", "period", "dossiers_received" (download the report template to fill in)',
    "ingest.error.missingColumn": 'required column missing; add a column headed "{field}", "{vi}" or "{en}"',
    "ingest.error.duplicateColumn":
      'same column as "{firstColumn}"; each figure may have only one column; delete one of the two',
    "ingest.error.noRows": "The file has a header row but no data rows.",
    "ingest.error.wrongCellCount":
      "the line has {actual} cells but the header has {expected} columns; look for an extra or missing cell, or a delimiter inside an unquoted cell",
    "ingest.error.requiredCode": "empty; expected a 5-digit unit code",
    "ingest.error.badCode": "expected a unit code of exactly 5 digits, leading zeros kept",
    "ingest.error.codeLeadingZero":
      'the unit code has 4 digits; Excel probably dropped a leading zero. Did you mean "{hint}"? Format the code column as Text and enter it again',
    "ingest.error.unknownUnit": "this unit code is not in the unit registry",
    "ingest.error.requiredPeriod": "empty; expected a period written YYYY-Qn, e.g. 2023-Q4",
    "ingest.error.badPeriod": "expected a period written {expected}",
    "ingest.error.required": "empty; expected a whole number ≥ 0 (enter 0 if there were none)",
    "ingest.error.notWholeNumber": "expected a whole number ≥ 0",
    "ingest.error.negative": "negative; expected a whole number ≥ 0",
    "ingest.error.tooBig": "too large; the largest accepted count is {max}",
    "ingest.error.exceedsDenominator": 'cannot exceed "{denominator}" on the same line ({denominatorValue})',
    "ingest.error.unitEnded": "{name} ({code}) no longer exists from {after}; from then on it is part of {successors}. Report {period} under the new unit.",
    "ingest.error.unitEndedAlone": "{name} ({code}) no longer exists from {after}, so it has no figures for {period}.",
    "ingest.error.unitNotYet": "{name} ({code}) exists only from {from}; report {period} under the old units.",
    "ingest.error.duplicateRow":
      "unit {code} already has a row for {period} on line {firstLine}; one row per unit and period",
    "ingest.error.tooManyErrors":
      "The file has {total} errors in all; only the first {shown} are listed. Fix these and upload it again.",

    "ingest.warning.windows1258":
      "The file is saved in the Windows-1258 encoding (legacy Vietnamese) and was converted to Unicode. Check the unit names in the preview; next time, save as CSV UTF-8.",
    "ingest.warning.unknownColumn": "this column is not part of the report and will be ignored",
    "ingest.warning.totalRow": "line {line} is a total row: it is not saved as a unit; its totals are checked against the rows",
    "ingest.warning.totalMismatch": "the total row says {value} but the rows add up to {sum}",
    "ingest.warning.titleRows": "skipped {count} title row(s) above the header (lines {first}–{last}); the column names are on line {header}",
    "ingest.warning.unnamedColumn": "column {index} has no header but holds data; it will be ignored",
    "ingest.warning.nameMismatch":
      'the name differs from the registered name for this code ("{registered}"); check the unit code',
    "ingest.warning.tooManyWarnings": "The file has {total} warnings in all; only the first {shown} are listed.",
  },
};

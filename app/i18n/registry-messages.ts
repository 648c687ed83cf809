import type { Dictionary } from "./dictionary";

/** The registry over time (communes.csv, lineage.csv): why the server or the CLI refuses to start. */
export const registryMessages: { vi: Dictionary; en: Dictionary } = {
  vi: {
    "registry.error.empty": "{file}: không có đơn vị nào.",
    "registry.error.code": '{file}, dòng {line}, cột "{column}": "{value}" không phải mã đơn vị 5 chữ số.',
    "registry.error.name": '{file}, dòng {line}: thiếu tên đơn vị (cột "{column}").',
    "registry.error.kind": '{file}, dòng {line}, cột "{column}": "{value}" không phải loại đơn vị (town, commune, ward hoặc special_zone).',
    "registry.error.quarter": '{file}, dòng {line}, cột "{column}": "{value}" không phải một quý (viết như 2025-Q3).',
    "registry.error.share": '{file}, dòng {line}, cột "{column}": "{value}" không phải tỷ lệ lớn hơn 0 và không quá 1.',
    "registry.error.cell": '{file}, dòng {line}, cột "{column}": giá trị "{value}" không hợp lệ.',
    "registry.error.noPeriod": "{file}, dòng {line}: đơn vị {code} có hiệu lực từ {from} đến {to}, tức là không tồn tại kỳ nào.",
    "registry.error.overlap": "{file}, dòng {line}: mã {code} trùng thời gian hiệu lực với dòng {otherLine}; một mã chỉ thuộc một đơn vị tại mỗi kỳ.",
    "registry.error.noSuccessor":
      "{file}, dòng {line}: đơn vị kế thừa {successor} không bắt đầu từ {effective} trong communes.csv (cần valid_from = {effective}).",
    "registry.error.noPredecessor":
      "{file}, dòng {line}: đơn vị cũ {predecessor} không kết thúc vào {before} trong communes.csv (cần valid_to = {before}); một đơn vị không thể là tiền thân của chính nó.",
    "registry.error.lineageTwice": "{file}, dòng {line}: cặp {predecessor} → {successor} từ {effective} đã có ở dòng trước.",
    "params.basis": "Cách tính “{value}” không hợp lệ: dùng basis=as_reported (theo đơn vị khi báo cáo) hoặc basis=current (gộp số liệu về các đơn vị hiện nay).",
    "params.cluster": "Cụm “{value}” không hợp lệ: tên cụm dài tối đa 200 ký tự.",
    "notFound.cluster": "Không có cụm thi đua “{cluster}”. Các cụm: {list}.",
    "registry.error.shares": "{file}, dòng {line}: tỷ lệ chia của đơn vị {predecessor} từ {effective} cộng lại bằng {sum}, cần đúng bằng 1.",
  },
  en: {
    "registry.error.empty": "{file}: there are no units.",
    "registry.error.code": '{file}, line {line}, column "{column}": "{value}" is not a 5-digit unit code.',
    "registry.error.name": '{file}, line {line}: the unit has no name (column "{column}").',
    "registry.error.kind": '{file}, line {line}, column "{column}": "{value}" is not a kind of unit (town, commune, ward or special_zone).',
    "registry.error.quarter": '{file}, line {line}, column "{column}": "{value}" is not a quarter (write it as 2025-Q3).',
    "registry.error.share": '{file}, line {line}, column "{column}": "{value}" is not a share above 0 and at most 1.',
    "registry.error.cell": '{file}, line {line}, column "{column}": the value "{value}" is not valid.',
    "registry.error.noPeriod": "{file}, line {line}: unit {code} is valid from {from} to {to}, which is no period at all.",
    "registry.error.overlap": "{file}, line {line}: code {code} is valid at the same time as on line {otherLine}; a code belongs to one unit in any period.",
    "registry.error.noSuccessor": "{file}, line {line}: the successor {successor} does not start at {effective} in communes.csv (it needs valid_from = {effective}).",
    "registry.error.noPredecessor":
      "{file}, line {line}: the old unit {predecessor} does not end at {before} in communes.csv (it needs valid_to = {before}); a unit cannot be its own predecessor.",
    "registry.error.lineageTwice": "{file}, line {line}: the pair {predecessor} → {successor} from {effective} is already on an earlier line.",
    "params.basis": "The basis “{value}” is not valid: use basis=as_reported (the units as they reported) or basis=current (counts combined into today's units).",
    "params.cluster": "The cluster “{value}” is not valid: a cluster's name is at most 200 characters.",
    "notFound.cluster": "There is no emulation cluster “{cluster}”. The clusters are: {list}.",
    "registry.error.shares": "{file}, line {line}: the shares of unit {predecessor} from {effective} add up to {sum}; they must add up to exactly 1.",
  },
};

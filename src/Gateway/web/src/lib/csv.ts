/** One record of a CSV file and the line it starts on (1-based; a quoted field may span several lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A CSV file that cannot be read: an unterminated quote or text after a closing quote. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * Reads CSV as RFC 4180 describes it: fields separated by commas, records by CRLF or LF; a field in double quotes may
 * hold commas, line breaks and doubled quotes (""). A leading byte-order mark and blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let afterQuote = false;
  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === "";
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    afterQuote = false;
  };

  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === ",") {
      fields.push(field);
      field = "";
      afterQuote = false;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (afterQuote) {
      throw new CsvError("text after a closing quote (a quote inside a field must be doubled)", line);
    } else if (c === '"' && field === "") {
      quoted = true;
    } else {
      field += c;
    }
  }
  if (quoted) throw new CsvError("a quoted field is not closed", recordLine);
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

/** Writes records as CSV (CRLF line ends), quoting the fields that hold a comma, a quote or a line break. */
export function toCsv(records: readonly (readonly string[])[]): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return records.map((fields) => fields.map(quote).join(",")).join("\r\n") + "\r\n";
}

import { describe, expect, it } from "vitest";
import { currentToken, firstPage, hasPrevious, next, pageNumber, previous } from "./paging";

describe("page cursor", () => {
  it("starts on the first page with no previous page", () => {
    expect(currentToken(firstPage)).toBe("");
    expect(hasPrevious(firstPage)).toBe(false);
    expect(pageNumber(firstPage)).toBe(1);
  });

  it("goes forward with the response's token and back to the tokens it visited", () => {
    const second = next(firstPage, "t2");
    const third = next(second, "t3");
    expect(currentToken(third)).toBe("t3");
    expect(currentToken(previous(third))).toBe("t2");
    expect(currentToken(previous(previous(third)))).toBe("");
    expect(pageNumber(third)).toBe(3);
  });

  it("stays on the last page when there is no next token", () => {
    const second = next(firstPage, "t2");
    expect(next(second, "")).toBe(second);
  });

  it("forgets the pages ahead when going forward again from an earlier page", () => {
    const back = previous(next(next(firstPage, "t2"), "t3"));
    const forward = next(back, "t3b");
    expect(forward.tokens).toEqual(["", "t2", "t3b"]);
  });
});

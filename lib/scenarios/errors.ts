// The one error a scenario can raise. Every problem names where it is, as a JSON path into the
// scenario document (`accounts[0].roles[1].trustPolicy.Statement[0].Effect`, spelt by
// formatJsonPath), so an author can go straight to the element to fix; the CLI adds the file name
// in front. A syntax error comes before there is a document, so its path reads "line 3, column 7".
import { DomainError } from "../errors/index.ts";

export type ScenarioErrorCode =
  "invalidSyntax" | "invalidScenario" | "invalidPolicy" | "unknownName" | "unknownReference" | "duplicate" | "invalidRename";

export class ScenarioError extends DomainError<ScenarioErrorCode> {
  /** `path` is empty for the document as a whole. */
  constructor(code: ScenarioErrorCode, message: string, path: string) {
    super(code, message, { path });
  }
}

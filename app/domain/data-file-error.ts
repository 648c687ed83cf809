/**
 * A data file the server and the CLI read at start (the registry, targets.json) that they refuse: a
 * dictionary key and its parameters (the file, and its line or key), so that the refusal is one sentence
 * in the reader's language. Each file's error extends this one; the start-up catches it once.
 */
export interface DataFileProblem {
  key: string;
  params: Record<string, string | number>;
}

export class DataFileError extends Error {
  constructor(readonly problem: DataFileProblem) {
    super(`${problem.key} ${JSON.stringify(problem.params)}`);
    this.name = new.target.name;
  }
}

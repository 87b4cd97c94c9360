import { statSync } from 'node:fs';
import { UserError } from '../errors.js';
import { loadFiles } from '../spec-file/load-identities.js';
import type { SpecError } from '../spec-file/spec-error.js';
import { gradeSubmissions, submissionName } from '../grade/grade-submissions.js';
import type { CommandContext } from './command-context.js';
import type { CommandSettings } from './command-settings.js';
import type { Flags } from './apply-options.js';
import { type Produce, reportRun } from './run-command.js';

/** Throws the usage error that stops a grading run before it starts, if there is one. */
function checkRequest(settings: CommandSettings, submissions: readonly string[]): string {
  const questions = settings.questions;
  if (questions === null) throw new UserError('grade needs the questions: mcheck grade --questions DIR SUBMISSION...');
  const names = new Map<string, string>();
  for (const dir of [questions, ...submissions]) {
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      // Missing or unreadable: reported below as not a folder.
    }
    if (!isDir)
      throw new UserError(`${dir} is not a folder (grade takes a folder of questions and one folder per submission)`);
  }
  for (const dir of submissions) {
    const name = submissionName(dir);
    const other = names.get(name);
    if (other !== undefined)
      throw new UserError(
        `${other} and ${dir} would both be graded as "${name}": give each submission a folder of its own name`,
      );
    names.set(name, dir);
  }
  const gradescope = (settings.reporters ?? []).some((t) => t.name === 'gradescope');
  if (gradescope && submissions.length > 1)
    throw new UserError('the gradescope reporter writes the results of one submission: grade one SUBMISSION per run');
  return questions;
}

/** An answer file among the questions: grading keeps the answers in the submissions. */
function answerAmongQuestions(file: string): SpecError {
  const message = 'an answer file among the questions: the answers of a class are its SUBMISSION folders';
  return { code: 'answers', file, line: null, column: null, message, path: [] };
}

/**
 * `mcheck grade --questions DIR SUBMISSION...`: each submission folder checked on its own against
 * the same questions, with a score per submission.
 */
export function gradeCommand(submissions: string[], flags: Flags, context: CommandContext): number {
  const produce = (settings: CommandSettings): Produce => {
    const dir = checkRequest(settings, submissions);
    return (run, cache, onProgress) => {
      const questions = loadFiles([dir], run.limits, cache);
      const questionErrors = [...questions.errors, ...questions.answers.map((a) => answerAmongQuestions(a.file))];
      const request = { questions: questions.identities, questionErrors, questionsDir: dir, submissions, cache };
      return gradeSubmissions(request, run, onProgress);
    };
  };
  const words = (settings: CommandSettings) => ['grade', '--questions', settings.questions ?? '', ...submissions];
  return reportRun(produce, flags, context, { words, folder: null });
}

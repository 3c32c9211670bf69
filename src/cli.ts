/** The `palign` command line: a thin layer over the library. */
import yargs from 'yargs';

export async function main(argv: string[]): Promise<number> {
  await yargs(argv).scriptName('palign').strict().demandCommand(1).help().version().parseAsync();
  return 0;
}

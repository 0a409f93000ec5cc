/** `npm run tours:session`: log in once by hand, save the session for tours:check (see USAGE). */
import {
  captureSession,
  parseSessionArgs,
  SessionError,
  SessionUsageError,
  SESSION_USAGE,
} from './lib/tours-check/session';

async function main(): Promise<number> {
  let args;
  try {
    args = parseSessionArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof SessionUsageError)) throw error;
    console.error(`${error.message}\n\n${SESSION_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(SESSION_USAGE);
    return 0;
  }
  try {
    await captureSession(args);
    return 0;
  } catch (error) {
    if (!(error instanceof SessionError)) throw error;
    console.error(error.message);
    return 2;
  }
}

process.exitCode = await main();

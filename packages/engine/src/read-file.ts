/** Reading a file that may not be a regular one, alone: the command's loader reads its code cache with it. */
export { readRegularFile } from "@mlops-report/core/read-file";

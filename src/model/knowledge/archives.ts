/** Archive file names, shared by the layer model and the rules about copying and extracting archives. */

/** Tar archives (plain or compressed), which ADD unpacks when they come from the build context. */
export const TAR_ARCHIVE = /\.(tar|tgz|tar\.gz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|tar\.lz|tar\.lzma)$/i;

/** Archives a RUN unpacks with tar or unzip. */
export function isArchive(path: string): boolean {
  return TAR_ARCHIVE.test(path) || /\.zip$/i.test(path);
}

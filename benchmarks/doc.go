// Package benchmarks holds the inputs and baselines mutasi is measured on.
//
// # Matrix files
//
// The matrix file readers of `mutasi solve`, [ReadMatrix] and
// [ReadMatrixFile], parse a cost matrix from one of four text formats into a
// [Matrix] whose dense or sparse form can be handed to
// [github.com/mutasi-asn/mutasi/matching] as is.
//
// Formats:
//
//   - lap (FormatLap): the files of the lap-ref tool. Line 1 is "ROWS COLS";
//     then ROWS lines of COLS whitespace-separated numbers. "inf" marks a
//     forbidden pair.
//   - assign (FormatAssign): OR-Library dense assign files. The first token
//     is n, then the n×n costs in row order, wrapped at any width; the file is
//     read by tokens, not by lines.
//   - assignp (FormatAssignP): OR-Library sparse files. Line 1 holds n, then
//     one "i j cost" triple per line, 1-based; pairs not listed are forbidden,
//     and so are pairs listed with cost +Inf. A pair listed twice is an error.
//     The result is a CSR [matching.Sparse] with columns ascending in each row.
//   - csv (FormatCSV): one matrix row per line, comma-separated, with an
//     optional UTF-8 byte order mark and CRLF line endings. Blank lines are
//     skipped; there is no header row.
//
// Numbers are decimal floats as Go's strconv.ParseFloat accepts them, so
// Python's repr output (0.12345678901234566, 1e-05, inf) reads back exactly;
// "inf", "+inf", "infinity" (any case) are +Inf and "-inf" is −Inf (which the
// solver accepts only when maximizing). NaN is rejected in every format. A
// UTF-8 byte order mark is skipped in every format.
//
// Detection: with FormatAuto the format is chosen, in order, by:
//  1. a name ending in ".csv" (any case): csv;
//  2. a first line containing a comma: csv;
//  3. a first line of two integers: lap;
//  4. a first line of one integer: assignp when the base name starts with
//     "assignp", assign when it starts with "assign"; otherwise, when n ≠ 3,
//     assignp if each of the next non-blank lines (among the first 64 lines)
//     holds exactly three tokens of which the first two are integers in
//     1..n, else assign. (A 3×3 dense file written one row per line, or a
//     dense file written three numbers a line, looks like triples; name the
//     format then.)
//
// Anything else is an error unwrapping to [ErrFormat].
//
// Errors and limits: malformed input returns a *[ParseError] with the file name, line and column
// of the offending token; it unwraps to [ErrHeader], [ErrNumber], [ErrNaN],
// [ErrRagged], [ErrCount], [ErrIndex] or [ErrDuplicate].
//
// The readers stream: a dense matrix is parsed straight into the
// []float64 that backs the returned *mat.Dense, sized from the header when
// the format gives one, so a 5 GB file is never held in memory twice. The
// preallocation is capped by the input's size when it is known (an *os.File,
// fs.File, bytes.Reader or strings.Reader), so a lying header cannot exhaust
// memory; for other readers (a pipe) at most 2^24 values are preallocated and
// the slice then grows by appending. An assignp file declaring n rows with
// n > max(2^20, pairs listed) is rejected with ErrHeader: most of its rows
// would have no candidate, so it could not be feasible anyway.
package benchmarks

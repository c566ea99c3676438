package scenarios

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed example
var exampleFS embed.FS

// DefaultExample returns the embedded Bungo example: a file system holding
// scenario.yaml, its CSV rosters (units.csv, positions.csv, employees.csv)
// and the what-if overlays whatif-*.yaml. Load(DefaultExample(),
// "scenario.yaml") loads it. The result is read-only and safe for
// concurrent use.
func DefaultExample() fs.FS {
	sub, err := fs.Sub(exampleFS, "example")
	if err != nil {
		panic(err) // the embedded directory always exists
	}
	return sub
}

// MaxFileSize caps the size of one input file (YAML or CSV) in bytes: Load
// reads at most this many bytes of a file, and refuses a larger one with
// an error naming it.
const MaxFileSize = 64 << 20

const (
	// maxYAMLNodes caps the YAML nodes one Load builds, over all its YAML
	// files, as counted by yamlNodes before yaml.v3 builds a tree
	// (a node costs it about 250 bytes: 2²¹ nodes are about 500 MB). A
	// scenario of 20 000 employees written inline in YAML has about
	// 500 000; CSV rosters do not count.
	maxYAMLNodes = 1 << 21
	// nodeBudget caps the values one decode of a roster visits.
	nodeBudget = 1 << 30
	// aliasFactor bounds the values a YAML decode visits to this multiple
	// of the nodes written (plus 1<<20): uses of aliases beyond it are an
	// alias bomb.
	aliasFactor = 16
	// csvTag marks scalars read from CSV cells; they take the type of the
	// field they decode into.
	csvTag = "!csv"
)

var (
	timeType = reflect.TypeFor[time.Time]()
	// yamlLine pulls the line number out of yaml.v3 syntax errors, which
	// carry it only in their text.
	yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	// yamlAnchor pulls the name out of yaml.v3's unknown anchor error.
	yamlAnchor = regexp.MustCompile(`^unknown anchor '([^']*)' referenced$`)
)

// Load reads the scenario at path in fsys, strictly: unknown keys, wrong
// types, duplicate keys, a second YAML document, duplicate ids, references
// to unknown units, positions or employees and extends cycles are errors.
// It follows extends (relative to the file naming it) to the root of the
// chain, merges the files root first (see the package documentation for
// the merge rules), reads the CSV rosters each file names, applies every
// file's changes in order (the root's first) and validates the result.
//
// Load returns the resolved scenario, in which Extends, the *_csv fields
// and Changes are empty, and the input files in the order read (the named
// file first, then its bases and rosters) with the SHA-256 of their bytes.
// On failure it returns every error found, in file, line and column order:
// a single *ParseError or *ValidationError, or an *ErrorList of them. The
// returned scenario shares no memory with fsys.
//
// Load reads only paths inside fsys that are relative and stay below the
// naming file's folder (no "..", no absolute paths); whether a symbolic
// link inside fsys may lead out of it is fsys's rule (an os.Root's FS
// refuses that, os.DirFS does not). It refuses a file that fs.Stat reports
// as anything but a regular file before opening it (ErrNotRegular: a FIFO
// would block, a device never end), reads at most MaxFileSize+1 bytes of a
// file (ErrFileTooLarge), and refuses YAML files holding more than about
// 2 million values in all before yaml.v3 builds them (ErrTooComplex).
func Load(fsys fs.FS, name string) (*Scenario, []File, error) {
	return load(fsys, name, true)
}

// load is Load; fast lets CSV rosters decode rows straight into their
// values (see csvRow), and false keeps the node path of every row.
func load(fsys fs.FS, name string, fast bool) (*Scenario, []File, error) {
	l := &loader{fsys: fsys, fileOf: map[*yaml.Node]string{}, fast: fast}
	s := l.load(name)
	if err := l.err(); err != nil {
		return nil, nil, err
	}
	return s, l.files, nil
}

// Parse reads one self-contained scenario from r, named name in error
// messages. It is Load over a file system holding only that file, so an
// extends or a CSV roster fails with ErrInclude.
func Parse(r io.Reader, name string) (*Scenario, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, &ParseError{File: name, Err: fmt.Errorf("%w: %w", ErrInclude, err)}
	}
	if name == "" {
		name = "scenario.yaml"
	}
	s, _, err := Load(singleFile{name: name, data: data}, name)
	return s, err
}

// Marshal writes s as YAML in the key order of the schema, omitting unset
// optional fields. Parse reads the result back to an equal scenario.
func Marshal(s *Scenario) ([]byte, error) {
	n := encodeValue(reflect.ValueOf(s).Elem())
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// singleFile is a file system holding one file.
type singleFile struct {
	name string
	data []byte
}

func (f singleFile) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (f singleFile) ReadFile(name string) ([]byte, error) {
	if name != f.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return f.data, nil
}

// loader holds the state of one Load.
type loader struct {
	fsys   fs.FS
	files  []File
	fileOf map[*yaml.Node]string
	nodes  int // nodes read, for the decoding budget
	// yamlNodes counts the nodes of the YAML files read, as yamlNodes
	// estimates them, against maxYAMLNodes.
	yamlNodes int
	errs      []error
	// fast allows rows (see csvRow) when nothing but the decoder and
	// locate will look into the rosters' nodes.
	fast bool
	rows map[*yaml.Node]*csvRow // rows not yet materialized
}

// source is one YAML file of an extends chain.
type source struct {
	name string
	root *yaml.Node // mapping node of the document
}

func (l *loader) add(err error) { l.errs = append(l.errs, err) }

func (l *loader) err() error {
	switch len(l.errs) {
	case 0:
		return nil
	case 1:
		return l.errs[0]
	}
	errs := append([]error(nil), l.errs...)
	sort.SliceStable(errs, func(i, j int) bool {
		fi, li, ci := errPos(errs[i])
		fj, lj, cj := errPos(errs[j])
		if fi != fj {
			return fi < fj
		}
		if li != lj {
			return li < lj
		}
		return ci < cj
	})
	return &ErrorList{Errs: errs}
}

func errPos(err error) (string, int, int) {
	var pe *ParseError
	if errors.As(err, &pe) {
		return pe.File, pe.Line, pe.Column
	}
	var ve *ValidationError
	if errors.As(err, &ve) {
		return ve.File, ve.Line, ve.Column
	}
	return "", 0, 0
}

func (l *loader) parseErr(n *yaml.Node, err error) {
	l.add(&ParseError{File: l.fileOf[n], Line: n.Line, Column: n.Column, Err: err})
}

// read reads a file and records its hash.
func (l *loader) read(name string) ([]byte, error) {
	data, err := readFile(l.fsys, name)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	l.files = append(l.files, File{Path: name, SHA256: hex.EncodeToString(sum[:])})
	return data, nil
}

// readFile reads name from fsys. It refuses anything but a regular file
// before opening it (a FIFO would block the open, a device such as
// /dev/zero never ends), and a file larger than MaxFileSize, reading at
// most MaxFileSize+1 bytes whatever the file claims. A file system whose
// Open fails but which implements fs.ReadFileFS (files held in memory) is
// read with ReadFile.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	st, err := fs.Stat(fsys, name)
	if err == nil {
		if err := regularSize(st); err != nil {
			return nil, err
		}
	}
	f, err := fsys.Open(name)
	if err != nil {
		rf, ok := fsys.(fs.ReadFileFS)
		if !ok {
			return nil, err
		}
		data, err := rf.ReadFile(name)
		if err == nil && len(data) > MaxFileSize {
			return nil, tooLarge()
		}
		return data, err
	}
	defer f.Close()
	// Again on the open file: it may have been swapped since fs.Stat.
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := regularSize(st); err != nil {
		return nil, err
	}
	return readAtMost(f)
}

// readAtMost reads r to its end, reading at most MaxFileSize+1 bytes, and
// refuses more than MaxFileSize (ErrFileTooLarge).
func readAtMost(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err == nil && len(data) > MaxFileSize {
		return nil, tooLarge()
	}
	return data, err
}

// regularSize returns an error unless st is a regular file of at most
// MaxFileSize bytes.
func regularSize(st fs.FileInfo) error {
	if !st.Mode().IsRegular() {
		return msgf(ErrNotRegular, "%s, not a regular file", FileKind(st.Mode()))
	}
	if st.Size() > MaxFileSize {
		return tooLarge()
	}
	return nil
}

// FileKind names the type of a file that is not regular, for a message:
// "a folder", "a symbolic link" (as os.Lstat reports it), "a named pipe
// (FIFO)", "a socket", "a device" or "a special file".
func FileKind(m fs.FileMode) string {
	switch t := m.Type(); {
	case t&fs.ModeDir != 0:
		return "a folder"
	case t&fs.ModeSymlink != 0:
		return "a symbolic link"
	case t&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case t&fs.ModeSocket != 0:
		return "a socket"
	case t&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

func tooLarge() error {
	return msgf(ErrFileTooLarge, "larger than %d MiB, the largest input file read", MaxFileSize>>20)
}

// yamlNodes estimates the nodes yaml.v3 builds from data, without parsing
// it: one per line, flow separator ('[', '{', ','), alias ('*'), block
// entry ("- ") and key (": "). The count is at least half the true number
// (a flow mapping's key without a value is the one node not counted), so a
// limit on it bounds the tree. It stops once the count passes limit and
// returns the count and that line (0 when the count stays within limit).
func yamlNodes(data []byte, limit int) (n, over int) {
	line := 1
	for k, c := range data {
		switch c {
		case '\n':
			line++
			n++
		case '[', '{', ',', '*':
			n++
		case '-', ':':
			if k+1 == len(data) || data[k+1] == ' ' || data[k+1] == '\n' || data[k+1] == '\r' || data[k+1] == '\t' {
				n++
			}
		default:
			continue
		}
		if n > limit {
			return n, line
		}
	}
	return n, 0
}

// rel resolves a path named in file from against from's folder.
func rel(from, name string) (string, bool) {
	if path.IsAbs(name) || strings.Contains(name, `\`) {
		return "", false
	}
	p := path.Join(path.Dir(from), name)
	return p, fs.ValidPath(p)
}

func (l *loader) load(name string) *Scenario {
	chain := l.chain(name)
	if len(l.errs) > 0 || len(chain) == 0 {
		return nil
	}
	// Root first.
	for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
		chain[i], chain[j] = chain[j], chain[i]
	}
	scenarioType := reflect.TypeFor[Scenario]()
	if l.fast && len(chain) == 1 && lookup(chain[0].root, "changes") == nil {
		// Without bases to merge or changes to apply, only the decoder
		// and locate read the rosters' nodes, and both materialize the
		// rows they cannot take as values.
		l.rows = map[*yaml.Node]*csvRow{}
	}
	for _, src := range chain {
		l.includeCSV(src)
	}
	// Check each file's shape on its own, so that merging only sees
	// well-typed trees.
	budget := 1<<20 + aliasFactor*l.nodes
	for _, src := range chain {
		var tmp Scenario
		d := decoder{l: l, budget: budget, file: src.name, discard: true}
		d.decode(src.root, reflect.ValueOf(&tmp).Elem())
	}
	if len(l.errs) > 0 {
		return nil
	}
	merged := chain[0].root
	type change struct {
		node *yaml.Node
		idx  int // in its file's changes
	}
	var changes []change
	for i, src := range chain {
		if i > 0 {
			l.mergeNode(merged, src.root, scenarioType)
		}
		if c := lookup(src.root, "changes"); c != nil {
			for i, n := range resolveAlias(c).Content {
				changes = append(changes, change{n, i})
			}
		}
	}
	deleteKey(merged, "extends")
	deleteKey(merged, "changes")
	for _, c := range changes {
		l.applyChange(merged, c.node, c.idx)
	}
	if len(l.errs) > 0 {
		return nil
	}
	s := new(Scenario)
	d := decoder{l: l, required: true, budget: budget, file: chain[0].name}
	d.decode(merged, reflect.ValueOf(s).Elem())
	if len(l.errs) > 0 {
		return nil
	}
	validate(s, func(path string) loc { return l.locate(merged, chain[0].name, path) }, l.add)
	return s
}

// chain reads name and the files it extends, leaf first.
func (l *loader) chain(name string) []source {
	var chain []source
	seen := map[string]bool{}
	var names []string
	var from *yaml.Node // the extends value that named the file
	for {
		if seen[name] {
			names = append(names, name)
			l.add(&ParseError{File: l.fileOf[from], Line: from.Line, Column: from.Column,
				Err: msgf(ErrExtendsCycle, "extends cycle: %s", strings.Join(names, " → "))})
			return nil
		}
		seen[name] = true
		names = append(names, name)
		data, err := l.read(name)
		if err != nil {
			if from == nil {
				l.add(&ParseError{File: name, Err: &detailError{sentinel: ErrInclude, cause: err, detail: err.Error()}})
			} else {
				l.add(&ParseError{File: l.fileOf[from], Line: from.Line, Column: from.Column,
					Err: &detailError{sentinel: ErrInclude, cause: err, detail: fmt.Sprintf("extends %q: %v", from.Value, err)}})
			}
			return nil
		}
		root := l.parseYAML(name, data)
		if root == nil {
			return nil
		}
		chain = append(chain, source{name: name, root: root})
		ext := lookup(root, "extends")
		if ext == nil {
			return chain
		}
		ext = resolveAlias(ext)
		if ext.Kind != yaml.ScalarNode || ext.Tag == "!!null" {
			l.parseErr(ext, msgf(ErrWrongType, "extends: expected a file name, got %s", describe(ext)))
			return nil
		}
		next, ok := rel(name, ext.Value)
		if !ok {
			l.parseErr(ext, msgf(ErrInclude, "extends %q: not a relative path inside the scenario's folder", ext.Value))
			return nil
		}
		from, name = ext, next
	}
}

// parseYAML parses one document and registers its nodes as coming from
// name. It returns the root mapping node, or nil after recording an error.
func (l *loader) parseYAML(name string, data []byte) *yaml.Node {
	if !bytes.HasPrefix(data, []byte{0xfe, 0xff}) && !bytes.HasPrefix(data, []byte{0xff, 0xfe}) { // yaml.v3 reads UTF-16 with a BOM
		if err := textError(name, data); err != nil {
			l.add(err)
			return nil
		}
	}
	n, over := yamlNodes(data, maxYAMLNodes-l.yamlNodes)
	if over > 0 {
		l.add(&ParseError{File: name, Line: over, Err: msgf(ErrTooComplex,
			"more than %d YAML values by this line (counting every YAML file of the scenario); write long lists as CSV rosters", maxYAMLNodes)})
		return nil
	}
	l.yamlNodes += n
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			l.add(&ParseError{File: name, Line: 1, Column: 1, Err: msgf(ErrEmptyDocument, "empty document")})
		} else {
			l.add(yamlError(name, data, err))
		}
		return nil
	}
	var second yaml.Node
	if err := dec.Decode(&second); err != io.EOF {
		if err != nil {
			l.add(yamlError(name, data, err))
		} else {
			l.add(&ParseError{File: name, Line: second.Line, Column: second.Column,
				Err: msgf(ErrMultipleDocuments, "a second YAML document starts here; one document per file")})
		}
		return nil
	}
	l.nodes += register(l.fileOf, &doc, name, 0)
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		l.parseErr(root, msgf(ErrWrongType, "expected a mapping of scenario keys, got %s", describe(root)))
		return nil
	}
	return root
}

// register records name as the file of n and the nodes below it, and
// returns their number.
func register(m map[*yaml.Node]string, n *yaml.Node, name string, depth int) int {
	if n == nil || depth > 10000 {
		return 0
	}
	if _, ok := m[n]; ok {
		return 0
	}
	m[n] = name
	count := 1
	for _, c := range n.Content {
		count += register(m, c, name, depth+1)
	}
	return count
}

// locate returns where the value at path was written in the merged tree
// root, or where its nearest written parent was. Files are inherited from
// parents that have no entry in fileOf, starting from file.
func (l *loader) locate(root *yaml.Node, file, path string) loc {
	n := root
	if f, ok := l.fileOf[n]; ok {
		file = f
	}
	best := loc{file: file, line: n.Line, column: n.Column}
	for path != "" {
		n = resolveAlias(n)
		l.materialize(n)
		var next *yaml.Node
		switch {
		case path[0] == '[':
			end := strings.IndexByte(path, ']')
			i, err := strconv.Atoi(path[1:max(end, 1)])
			if end < 0 || err != nil || n.Kind != yaml.SequenceNode || i < 0 || i >= len(n.Content) {
				return best
			}
			next, path = n.Content[i], path[end+1:]
		default:
			path = strings.TrimPrefix(path, ".")
			if n.Kind != yaml.MappingNode {
				return best
			}
			// The longest key that the path continues with, since map
			// keys may hold '.'.
			klen := -1
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i].Value
				if len(k) > klen && strings.HasPrefix(path, k) && (len(path) == len(k) || path[len(k)] == '.' || path[len(k)] == '[') {
					next, klen = n.Content[i+1], len(k)
				}
			}
			if next == nil {
				return best
			}
			path = path[klen:]
		}
		n = next
		if f, ok := l.fileOf[n]; ok {
			file = f
		}
		best = loc{file: file, line: n.Line, column: n.Column}
	}
	return best
}

// yamlError converts a yaml.v3 syntax error into a *ParseError, keeping its
// line number. yaml.v3 gives no column, and no line for an unknown anchor:
// a tab in an indentation and an alias to an unknown anchor are found in
// data.
func yamlError(name string, data []byte, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		col := 0
		switch {
		case strings.Contains(m[2], "tab character"):
			if tl, tc := leadingTab(data, line); tl > 0 {
				line, col = tl, tc
			}
		case strings.Contains(m[2], "cannot start any token"):
			if tl, tc := leadingTab(data, line); tl == line {
				col = tc
			}
		}
		return &ParseError{File: name, Line: line, Column: col, Err: msgf(ErrSyntax, "%s", m[2])}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if m := yamlAnchor.FindStringSubmatch(msg); m != nil {
		if k := aliasAt(data, m[1]); k >= 0 {
			line, col := lineCol(data, k)
			return &ParseError{File: name, Line: line, Column: col, Err: msgf(ErrSyntax, "%s", msg)}
		}
	}
	return &ParseError{File: name, Err: msgf(ErrSyntax, "%s", msg)}
}

// leadingTab returns the line and column of the first tab in the
// indentation of a line, from line from−1 on (yaml.v3 counts some lines
// from 0), or 0, 0.
func leadingTab(data []byte, from int) (line, col int) {
	line = 1
	for k := 0; k < len(data); {
		end := bytes.IndexByte(data[k:], '\n')
		if end < 0 {
			end = len(data) - k
		}
		if line >= from-1 {
			for c := 0; c < end && (data[k+c] == ' ' || data[k+c] == '\t'); c++ {
				if data[k+c] == '\t' {
					return line, c + 1
				}
			}
		}
		k += end + 1
		line++
	}
	return 0, 0
}

// aliasAt returns the offset of the first alias *name in data, or -1.
func aliasAt(data []byte, name string) int {
	alias := []byte("*" + name)
	for k := 0; ; {
		i := bytes.Index(data[k:], alias)
		if i < 0 {
			return -1
		}
		end := k + i + len(alias)
		if end == len(data) || bytes.IndexByte([]byte(" \t\r\n,]}"), data[end]) >= 0 {
			return k + i
		}
		k += i + 1
	}
}

// lineCol returns the 1-based line and column (in runes) of offset k.
func lineCol(data []byte, k int) (line, col int) {
	start := bytes.LastIndexByte(data[:k], '\n') + 1
	return 1 + bytes.Count(data[:k], []byte("\n")), 1 + utf8.RuneCount(data[start:k])
}

// textError returns a *ParseError locating the first NUL byte (a file in
// UTF-16 without a byte order mark) or invalid UTF-8 byte (a file in
// Latin-1 or Windows-1252) of data, or nil when data is UTF-8 text.
func textError(name string, data []byte) error {
	if k := bytes.IndexByte(data, 0); k >= 0 {
		line, col := lineCol(data, k)
		return &ParseError{File: name, Line: line, Column: col,
			Err: msgf(ErrSyntax, "NUL byte: the file looks like UTF-16 without a byte order mark; save it as UTF-8")}
	}
	if utf8.Valid(data) {
		return nil
	}
	for k := 0; k < len(data); {
		r, size := utf8.DecodeRune(data[k:])
		if r == utf8.RuneError && size == 1 {
			line, col := lineCol(data, k)
			return &ParseError{File: name, Line: line, Column: col,
				Err: msgf(ErrSyntax, "invalid UTF-8 (byte 0x%02x); save the file as UTF-8", data[k])}
		}
		k += size
	}
	return nil
}

// includeCSV replaces the *_csv keys of one file by the rows they name.
func (l *loader) includeCSV(src source) {
	if wf := resolveAlias(lookup(src.root, "workforce")); wf != nil && wf.Kind == yaml.MappingNode {
		for _, inc := range []struct {
			key, list string
			typ       reflect.Type
		}{
			{"units_csv", "units", reflect.TypeFor[Unit]()},
			{"positions_csv", "positions", reflect.TypeFor[Position]()},
			{"employees_csv", "employees", reflect.TypeFor[Employee]()},
		} {
			l.includeOne(src.name, wf, inc.key, inc.list, inc.typ)
		}
	}
	if ch := resolveAlias(lookup(src.root, "changes")); ch != nil && ch.Kind == yaml.SequenceNode {
		for _, c := range ch.Content {
			c = resolveAlias(c)
			if c.Kind != yaml.MappingNode {
				continue
			}
			if len(c.Content) > 2 && lookup(c, "add_employees_csv") != nil {
				continue // applyChange reports a change with several operations
			}
			l.includeOne(src.name, c, "add_employees_csv", "add_employees", reflect.TypeFor[Employee]())
		}
	}
}

// includeOne reads the roster named by m[key] and appends its rows to
// m[list], then deletes key. A value of the wrong type is left for the
// decoder to report.
func (l *loader) includeOne(file string, m *yaml.Node, key, list string, typ reflect.Type) {
	v := resolveAlias(lookup(m, key))
	if v == nil || v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		return
	}
	name, ok := rel(file, v.Value)
	if !ok {
		l.parseErr(v, msgf(ErrInclude, "%s %q: not a relative path inside the scenario's folder", key, v.Value))
		return
	}
	data, err := l.read(name)
	if err != nil {
		l.parseErr(v, &detailError{sentinel: ErrInclude, cause: err, detail: fmt.Sprintf("%s %q: %v", key, v.Value, err)})
		return
	}
	rows, errs := rosterNodes(data, name, typ, l.rows)
	for _, e := range errs {
		l.add(e)
	}
	for _, r := range rows {
		l.fileOf[r] = name // the cells inherit it
		if cr := l.rows[r]; cr != nil {
			l.nodes += 1 + cr.content
		} else {
			l.nodes += 1 + len(r.Content)
		}
	}
	seq := lookup(m, list)
	if seq == nil {
		seq = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: v.Line, Column: v.Column}
		l.fileOf[seq] = file
		keyNode := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: list, Line: v.Line, Column: v.Column}
		l.fileOf[keyNode] = file
		m.Content = append(m.Content, keyNode, seq)
	}
	seq = resolveAlias(seq)
	if seq.Kind == yaml.SequenceNode {
		seq.Content = append(seq.Content, rows...)
	}
	deleteKey(m, key)
}

// lookup returns the value of key in mapping m, or nil.
func lookup(m *yaml.Node, key string) *yaml.Node {
	m = resolveAlias(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func deleteKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i:i], m.Content[i+2:]...)
			return
		}
	}
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// idKey returns the yaml key that identifies items of struct type t in a
// list ("id" or "nip"), or "".
func idKey(t reflect.Type) string {
	if t.Kind() != reflect.Struct {
		return ""
	}
	for i := 0; i < t.NumField(); i++ {
		switch n, _ := tagOf(t.Field(i)); n {
		case "id", "nip":
			return n
		}
	}
	return ""
}

// mergeNode merges src into dst, both of Go type t: mappings merge key by
// key, lists of items with an id merge by id, everything else replaces.
func (l *loader) mergeNode(dst, src *yaml.Node, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	src = resolveAlias(src)
	switch {
	case dst.Kind == yaml.MappingNode && src.Kind == yaml.MappingNode && t.Kind() == reflect.Struct && t != timeType:
		fields := fieldsOf(t)
		for i := 0; i+1 < len(src.Content); i += 2 {
			k, v := src.Content[i], src.Content[i+1]
			f, ok := fields[k.Value]
			d := lookup(dst, k.Value)
			if !ok || d == nil || k.Value == "changes" {
				setKey(dst, k, v)
				continue
			}
			l.mergeValue(dst, k, d, v, f.Type)
		}
	case dst.Kind == yaml.MappingNode && src.Kind == yaml.MappingNode && t.Kind() == reflect.Map:
		for i := 0; i+1 < len(src.Content); i += 2 {
			setKey(dst, src.Content[i], src.Content[i+1])
		}
	case dst.Kind == yaml.SequenceNode && src.Kind == yaml.SequenceNode && t.Kind() == reflect.Slice && idKey(t.Elem()) != "":
		key := idKey(t.Elem())
		seen := map[string]bool{}
		for _, item := range src.Content {
			item = resolveAlias(item)
			id := resolveAlias(lookup(item, key))
			var match *yaml.Node
			// An id given twice in one file is appended, so that
			// validation reports the duplicate.
			if id != nil && id.Kind == yaml.ScalarNode && !seen[id.Value] {
				seen[id.Value] = true
				for _, d := range dst.Content {
					did := resolveAlias(lookup(d, key))
					if did != nil && did.Kind == yaml.ScalarNode && did.Value == id.Value {
						match = resolveAlias(d)
						break
					}
				}
			}
			if match != nil {
				l.mergeNode(match, item, t.Elem())
			} else {
				dst.Content = append(dst.Content, item)
			}
		}
	default:
		*dst = *src
		l.fileOf[dst] = l.fileOf[src]
	}
}

// mergeValue merges v into the value d of key k in mapping dst.
func (l *loader) mergeValue(dst, k, d, v *yaml.Node, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	d = resolveAlias(d)
	v = resolveAlias(v)
	mergeable := (t.Kind() == reflect.Struct && t != timeType) || t.Kind() == reflect.Map ||
		(t.Kind() == reflect.Slice && idKey(t.Elem()) != "")
	if mergeable && d.Kind == v.Kind && (v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode) {
		// Copy before merging so that aliases to d elsewhere stay intact.
		c := *d
		c.Content = append([]*yaml.Node(nil), d.Content...)
		l.fileOf[&c] = l.fileOf[d]
		l.mergeNode(&c, v, t)
		setKey(dst, k, &c)
		return
	}
	setKey(dst, k, v)
}

// setKey sets key k to v in mapping m, replacing an existing value.
func setKey(m, k, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == k.Value {
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, k, v)
}

// applyChange applies one changes entry, the idx-th of its file, to the
// merged tree.
func (l *loader) applyChange(root, c *yaml.Node, idx int) {
	c = resolveAlias(c)
	bad := func(n *yaml.Node, field string, value any, err error) {
		l.add(&ValidationError{File: l.fileOf[n], Line: n.Line, Column: n.Column,
			Field: fmt.Sprintf("changes[%d]%s", idx, field), Value: value, Err: err})
	}
	if c.Kind != yaml.MappingNode || len(c.Content) != 2 {
		n := 0
		if c.Kind == yaml.MappingNode {
			n = len(c.Content) / 2
		}
		bad(c, "", nil, msgf(ErrChange, "a change sets exactly one operation, this one sets %d", n))
		return
	}
	op, arg := c.Content[0].Value, resolveAlias(c.Content[1])
	wf := child(root, "workforce", l.fileOf)
	switch op {
	case "add_positions":
		seq := childSeq(wf, "positions", l.fileOf)
		seq.Content = append(seq.Content, arg.Content...)
	case "add_employees":
		seq := childSeq(wf, "employees", l.fileOf)
		seq.Content = append(seq.Content, arg.Content...)
	case "remove_positions":
		seq := childSeq(wf, "positions", l.fileOf)
		for j, id := range arg.Content {
			id = resolveAlias(id)
			if !removeByID(seq, "id", id.Value) {
				bad(id, fmt.Sprintf(".remove_positions[%d]", j), id.Value,
					msgf(ErrUnknownPosition, "cannot remove unknown position %q", id.Value))
				continue
			}
			for _, e := range childSeq(wf, "employees", l.fileOf).Content {
				if p := resolveAlias(lookup(e, "position")); p != nil && p.Value == id.Value {
					e = resolveAlias(e)
					for _, k := range []string{"position", "position_since", "unit", "unit_since"} {
						deleteKey(e, k)
					}
				}
			}
		}
	case "remove_employees":
		seq := childSeq(wf, "employees", l.fileOf)
		for j, r := range arg.Content {
			id := resolveAlias(lookup(r, "employee"))
			if id == nil {
				bad(r, fmt.Sprintf(".remove_employees[%d]", j), nil, msgf(ErrMissingField, "required field \"employee\" is missing"))
				continue
			}
			if !removeByID(seq, "nip", id.Value) {
				bad(id, fmt.Sprintf(".remove_employees[%d].employee", j), id.Value,
					msgf(ErrUnknownEmployee, "cannot remove unknown employee %q", id.Value))
			}
		}
	case "set_needed":
		seq := childSeq(wf, "positions", l.fileOf)
		for j, r := range arg.Content {
			id := resolveAlias(lookup(r, "position"))
			needed := lookup(r, "needed")
			if id == nil || needed == nil {
				bad(r, fmt.Sprintf(".set_needed[%d]", j), nil, msgf(ErrMissingField, "set_needed needs position and needed"))
				continue
			}
			p := findByID(seq, "id", id.Value)
			if p == nil {
				bad(id, fmt.Sprintf(".set_needed[%d].position", j), id.Value,
					msgf(ErrUnknownPosition, "cannot resize unknown position %q", id.Value))
				continue
			}
			setKey(p, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "needed"}, needed)
		}
	case "set_weights", "set_rules", "set_constraints":
		key := strings.TrimPrefix(op, "set_")
		f := fieldsOf(reflect.TypeFor[Scenario]())[key]
		d := lookup(root, key)
		if d == nil {
			setKey(root, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, arg)
		} else {
			l.mergeValue(root, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, d, arg, f.Type)
		}
	}
}

// child returns mapping m's mapping value at key, creating it if absent.
func child(m *yaml.Node, key string, fileOf map[*yaml.Node]string) *yaml.Node {
	if v := resolveAlias(lookup(m, key)); v != nil {
		return v
	}
	v := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: m.Line, Column: m.Column}
	fileOf[v] = fileOf[m]
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
	return v
}

// childSeq returns mapping m's sequence value at key, creating it if
// absent.
func childSeq(m *yaml.Node, key string, fileOf map[*yaml.Node]string) *yaml.Node {
	if v := resolveAlias(lookup(m, key)); v != nil && v.Kind == yaml.SequenceNode {
		return v
	}
	v := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: m.Line, Column: m.Column}
	fileOf[v] = fileOf[m]
	setKey(m, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
	return v
}

func findByID(seq *yaml.Node, key, id string) *yaml.Node {
	for _, item := range seq.Content {
		if v := resolveAlias(lookup(item, key)); v != nil && v.Value == id {
			return resolveAlias(item)
		}
	}
	return nil
}

func removeByID(seq *yaml.Node, key, id string) bool {
	out := seq.Content[:0:0]
	found := false
	for _, item := range seq.Content {
		if v := resolveAlias(lookup(item, key)); v != nil && v.Value == id {
			found = true
			continue
		}
		out = append(out, item)
	}
	seq.Content = out
	return found
}

// loc is where a value was written.
type loc struct {
	file         string
	line, column int
}

// field is one struct field with its yaml name.
type field struct {
	index     int
	ordinal   int // position among the yaml fields
	name      string
	omitempty bool
	Type      reflect.Type
}

func tagOf(f reflect.StructField) (name string, omitempty bool) {
	tag := f.Tag.Get("yaml")
	if tag == "" || tag == "-" {
		return "", false
	}
	name, opts, _ := strings.Cut(tag, ",")
	return name, strings.Contains(opts, "omitempty")
}

// fieldsOf maps the yaml names of struct type t to its fields.
func fieldsOf(t reflect.Type) map[string]field {
	m := map[string]field{}
	for _, f := range orderedFields(t) {
		m[f.name] = f
	}
	return m
}

// orderedFields lists the yaml fields of struct type t in declaration
// order.
func orderedFields(t reflect.Type) []field {
	var fs []field
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, omit := tagOf(sf)
		if name == "" || !sf.IsExported() {
			continue
		}
		fs = append(fs, field{index: i, ordinal: len(fs), name: name, omitempty: omit, Type: sf.Type})
	}
	return fs
}

// decoder decodes yaml nodes into Go values strictly, recording every
// error. A node's file is its own entry in loader.fileOf or, failing
// that, its parent's.
type decoder struct {
	l        *loader
	required bool
	// discard says the decoded value is thrown away, so a csvRow may
	// hand its value over again.
	discard bool
	budget  int
	types   map[reflect.Type]*typeInfo
	file    string
	stack   []seg // path of the value being decoded
}

// seg is one step of a path: a key, or an index when key is empty.
type seg struct {
	key string
	idx int
}

// path returns the decoder's current path, such as
// "workforce.positions[3].needed".
func (d *decoder) path() string {
	var b strings.Builder
	for _, s := range d.stack {
		if s.key == "" {
			fmt.Fprintf(&b, "[%d]", s.idx)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}

// typeInfo caches the yaml fields of a struct type.
type typeInfo struct {
	byName  map[string]field
	ordered []field
}

func (d *decoder) info(t reflect.Type) *typeInfo {
	if ti, ok := d.types[t]; ok {
		return ti
	}
	if d.types == nil {
		d.types = map[reflect.Type]*typeInfo{}
	}
	ti := &typeInfo{byName: fieldsOf(t), ordered: orderedFields(t)}
	d.types[t] = ti
	return ti
}

func (d *decoder) fail(n *yaml.Node, err error) {
	file := d.file
	if f, ok := d.l.fileOf[n]; ok {
		file = f
	}
	d.l.add(&ParseError{File: file, Line: n.Line, Column: n.Column, Err: err})
}

// failf reports a message about the current path.
func (d *decoder) failf(n *yaml.Node, sentinel error, format string, args ...any) {
	d.fail(n, msgf(sentinel, "%s: "+format, append([]any{orRoot(d.path())}, args...)...))
}

// parseBool reads true or false, in any case.
func parseBool(s string) (b, ok bool) {
	switch strings.ToLower(s) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "null"
		}
		return quoteClip(n.Value)
	}
	return "an alias"
}

func (d *decoder) decode(n *yaml.Node, v reflect.Value) {
	if n.Tag == csvRowTag && d.decodeRow(n, v) {
		return
	}
	d.budget--
	if d.budget < 0 {
		if d.budget == -1 {
			d.failf(n, ErrTooComplex, "aliases expand the document beyond the decoding budget")
		}
		return
	}
	if f, ok := d.l.fileOf[n]; ok && f != d.file {
		saved := d.file
		d.file = f
		d.decodeNode(n, v)
		d.file = saved
		return
	}
	d.decodeNode(n, v)
}

func (d *decoder) decodeNode(n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.AliasNode {
		n = resolveAlias(n)
		if n == nil || n.Kind == yaml.AliasNode {
			return
		}
		d.decode(n, v)
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // null leaves the zero value
	}
	t := v.Type()
	switch {
	case t.Kind() == reflect.Pointer:
		p := reflect.New(t.Elem())
		d.decodeNode(n, p.Elem())
		v.Set(p)
	case t == timeType:
		s, ok := d.scalar(n, "a date (yyyy-mm-dd)")
		if !ok {
			return
		}
		tm, err := parseDate(s)
		if errors.Is(err, errEarlyDate) {
			d.failf(n, ErrInvalidDate, "%s is before %d, the earliest date read", quoteClip(s), minYear)
			return
		}
		if err != nil {
			d.failf(n, ErrInvalidDate, "%s is not a date written yyyy-mm-dd", quoteClip(s))
			return
		}
		v.Set(reflect.ValueOf(tm))
	case t.Kind() == reflect.Struct:
		d.decodeStruct(n, v)
	case t.Kind() == reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.failf(n, ErrWrongType, "expected a list, got %s", describe(n))
			return
		}
		if len(n.Content) == 0 {
			return // an empty list is the nil slice, as omitted
		}
		s := reflect.MakeSlice(t, len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.stack = append(d.stack, seg{idx: i})
			d.decode(c, s.Index(i))
			d.stack = d.stack[:len(d.stack)-1]
		}
		v.Set(s)
	case t.Kind() == reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.failf(n, ErrWrongType, "expected a mapping, got %s", describe(n))
			return
		}
		if len(n.Content) == 0 {
			return // an empty mapping is the nil map, as omitted
		}
		m := reflect.MakeMapWithSize(t, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := resolveAlias(n.Content[i]), n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				d.failf(k, ErrWrongType, "expected a key, got %s", describe(k))
				continue
			}
			key := reflect.ValueOf(k.Value).Convert(t.Key())
			if m.MapIndex(key).IsValid() {
				d.failf(k, ErrDuplicateKey, "key %q given twice", k.Value)
				continue
			}
			e := reflect.New(t.Elem()).Elem()
			d.stack = append(d.stack, seg{key: k.Value})
			d.decode(val, e)
			d.stack = d.stack[:len(d.stack)-1]
			m.SetMapIndex(key, e)
		}
		v.Set(m)
	case t.Kind() == reflect.String:
		s, ok := d.scalar(n, "a string")
		if ok {
			v.SetString(s)
		}
	case t.Kind() == reflect.Int:
		s, ok := d.scalar(n, "an integer")
		if !ok {
			return
		}
		if n.Tag != "!!int" && n.Tag != csvTag {
			d.failf(n, ErrWrongType, "expected an integer, got %s", describe(n))
			return
		}
		i, err := strconv.ParseInt(s, 10, 32)
		if errors.Is(err, strconv.ErrRange) {
			d.failf(n, ErrInvalidValue, "%s is out of range (integers are at most %d)", quoteClip(s), math.MaxInt32)
			return
		}
		if err != nil {
			d.failf(n, ErrInvalidValue, "%s is not a decimal integer", quoteClip(s))
			return
		}
		v.SetInt(i)
	case t.Kind() == reflect.Float64:
		s, ok := d.scalar(n, "a number")
		if !ok {
			return
		}
		if n.Tag != "!!int" && n.Tag != "!!float" && n.Tag != csvTag {
			d.failf(n, ErrWrongType, "expected a number, got %s", describe(n))
			return
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			d.failf(n, ErrInvalidValue, "%s is not a finite number", quoteClip(s))
			return
		}
		v.SetFloat(f)
	case t.Kind() == reflect.Bool:
		s, ok := d.scalar(n, "true or false")
		if !ok {
			return
		}
		b, ok := parseBool(s)
		if !ok {
			d.failf(n, ErrWrongType, "expected true or false, got %s", describe(n))
			return
		}
		v.SetBool(b)
	default:
		panic("scenarios: unsupported schema type " + t.String())
	}
}

// scalar returns n's value if n is a scalar.
func (d *decoder) scalar(n *yaml.Node, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.failf(n, ErrWrongType, "expected %s, got %s", want, describe(n))
		return "", false
	}
	return n.Value, true
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.MappingNode {
		d.failf(n, ErrWrongType, "expected a mapping, got %s", describe(n))
		return
	}
	ti := d.info(v.Type())
	var seen uint64 // by field ordinal; structs have fewer than 64 fields
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := resolveAlias(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.failf(k, ErrWrongType, "expected a key, got %s", describe(k))
			continue
		}
		f, ok := ti.byName[k.Value]
		if !ok {
			hint := ""
			if s := closest(k.Value, ti.byName); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			}
			where := ""
			if p := d.path(); p != "" {
				where = " in " + p
			}
			d.fail(k, msgf(ErrUnknownField, "unknown field %q%s%s", k.Value, where, hint))
			continue
		}
		d.stack = append(d.stack, seg{key: k.Value})
		if seen&(1<<f.ordinal) != 0 {
			d.fail(k, msgf(ErrDuplicateKey, "%s given twice", d.path()))
		} else {
			seen |= 1 << f.ordinal
			d.decode(val, v.Field(f.index))
		}
		d.stack = d.stack[:len(d.stack)-1]
	}
	if !d.required {
		return
	}
	for _, f := range ti.ordered {
		if f.omitempty || seen&(1<<f.ordinal) != 0 {
			continue
		}
		d.failf(n, ErrMissingField, "required field %q is missing", f.name)
	}
}

func orRoot(path string) string {
	if path == "" {
		return "scenario"
	}
	return path
}

// closest returns the field name within edit distance 2 of s, if any.
func closest(s string, fields map[string]field) string {
	best, bestD := "", 3
	names := make([]string, 0, len(fields))
	for n := range fields {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if d := editDistance(s, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// quoteClip quotes s for an error message, cut to its first 40 bytes (at a
// rune boundary) and "…": a value of a megabyte is not echoed whole.
func quoteClip(s string) string {
	if len(s) > 40 {
		cut := 40
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return strconv.Quote(s[:cut]) + "…"
	}
	return strconv.Quote(s)
}

// minYear is the earliest year a date may have: the zero time.Time
// (0001-01-01) means "not given", so years far before any civil servant
// are refused rather than read as missing.
const minYear = 1900

// errEarlyDate reports a date before minYear.
var errEarlyDate = errors.New("date before 1900")

// parseDate parses a yyyy-mm-dd date as UTC midnight. Dates before minYear
// give errEarlyDate.
func parseDate(s string) (time.Time, error) {
	if len(s) != len("2006-01-02") {
		return time.Time{}, ErrInvalidDate
	}
	t, err := time.Parse(time.DateOnly, s)
	if err == nil && t.Year() < minYear {
		return time.Time{}, errEarlyDate
	}
	return t, err
}

// encodeValue encodes v as a yaml node; the inverse of decoder.decode.
func encodeValue(v reflect.Value) *yaml.Node {
	t := v.Type()
	switch {
	case t.Kind() == reflect.Pointer:
		if v.IsNil() {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
		}
		return encodeValue(v.Elem())
	case t == timeType:
		tm := v.Interface().(time.Time)
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: tm.Format(time.DateOnly)}
	case t.Kind() == reflect.Struct:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, f := range orderedFields(t) {
			fv := v.Field(f.index)
			if f.omitempty && isEmpty(fv) {
				continue
			}
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.name}, encodeValue(fv))
		}
		return n
	case t.Kind() == reflect.Slice:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		if v.Len() > 0 && v.Index(0).Kind() != reflect.Struct {
			n.Style = yaml.FlowStyle
		}
		for i := 0; i < v.Len(); i++ {
			n.Content = append(n.Content, encodeValue(v.Index(i)))
		}
		return n
	case t.Kind() == reflect.Map:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k.String()}, encodeValue(v.MapIndex(k)))
		}
		return n
	case t.Kind() == reflect.String:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.String()}
	case t.Kind() == reflect.Int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(v.Int(), 10)}
	case t.Kind() == reflect.Float64:
		s := strconv.FormatFloat(v.Float(), 'g', -1, 64)
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: s}
	case t.Kind() == reflect.Bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v.Bool())}
	}
	panic("scenarios: unsupported schema type " + t.String())
}

func isEmpty(v reflect.Value) bool {
	if v.Type() == timeType {
		return v.Interface().(time.Time).IsZero()
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice:
		return v.IsNil() || (v.Kind() != reflect.Pointer && v.Len() == 0)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if name, _ := tagOf(v.Type().Field(i)); name != "" && !isEmpty(v.Field(i)) {
				return false
			}
		}
		return true
	}
	return v.IsZero()
}

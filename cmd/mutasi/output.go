package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mutasi-asn/mutasi/scenarios"
)

// output is where a result goes (-o/--output): stdout, or a file written
// atomically. Writes go to a temporary file in the destination's folder,
// which commit renames over the destination; abort removes it. A run that
// fails therefore leaves an existing file untouched.
type output struct {
	w    *bufio.Writer
	path string   // "" for stdout
	tmp  *os.File // the temporary file, when path is set
}

// checkOutput refuses, before any work, an output path that names one of
// the run's input files (the same path, or the same file through another
// name), that is anything but a regular file (a folder, a symbolic link, a
// device such as /dev/null, a FIFO: the result's rename would replace it),
// or whose folder is missing or not writable. "" and "-" mean stdout and
// always pass.
func checkOutput(cmd, path string, inputs ...string) error {
	if path == "" || path == "-" {
		return nil
	}
	out, err := os.Stat(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err == nil && out.IsDir() {
		return usagef(cmd, "--output %s is a folder", path)
	}
	absOut, _ := filepath.Abs(path)
	for _, in := range inputs {
		if in == "" || in == "-" {
			continue
		}
		absIn, _ := filepath.Abs(in)
		same := absIn == absOut
		if !same && out != nil {
			if st, err := os.Stat(in); err == nil && os.SameFile(st, out) {
				same = true
			}
		}
		if same {
			return usagef(cmd, "--output %s would overwrite the input file %s", path, in)
		}
	}
	if st, err := os.Lstat(path); err == nil && !st.Mode().IsRegular() {
		return usagef(cmd, "--output %s is %s; -o writes only regular files (leave it out to write to stdout)", path, scenarios.FileKind(st.Mode()))
	}
	// Fail before the work, not after it, when the folder is missing or
	// cannot take the temporary file.
	if st, derr := os.Stat(filepath.Dir(path)); derr != nil {
		return fmt.Errorf("--output %s: %w", path, derr)
	} else if !st.IsDir() {
		return fmt.Errorf("--output %s: %s is not a folder", path, filepath.Dir(path))
	}
	probe, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("--output %s: cannot write into %s: %w", path, filepath.Dir(path), errors.Unwrap(err))
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// openOutput starts writing to path ("" or "-" for stdout).
func openOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" || path == "-" {
		return &output{w: bufio.NewWriter(stdout)}, nil
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, err
	}
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, err
	}
	return &output{w: bufio.NewWriter(tmp), path: path, tmp: tmp}, nil
}

// Write implements io.Writer.
func (o *output) Write(p []byte) (int, error) { return o.w.Write(p) }

// commit flushes and, for a file, syncs, closes and renames it into place.
func (o *output) commit() error {
	if err := o.w.Flush(); err != nil {
		o.abort()
		return err
	}
	if o.tmp == nil {
		return nil
	}
	name := o.tmp.Name()
	err := o.tmp.Sync()
	if cerr := o.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// The destination may have become something else since checkOutput.
		if st, lerr := os.Lstat(o.path); lerr == nil && !st.Mode().IsRegular() {
			err = fmt.Errorf("%s is %s; -o writes only regular files", o.path, scenarios.FileKind(st.Mode()))
		}
	}
	if err == nil {
		err = os.Rename(name, o.path)
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", o.path, err)
	}
	o.tmp = nil
	return nil
}

// abort discards a file output; the destination stays as it was. Output
// already flushed to stdout cannot be taken back, so abort on stdout only
// drops what is buffered.
func (o *output) abort() {
	o.w.Reset(io.Discard)
	if o.tmp != nil {
		name := o.tmp.Name()
		o.tmp.Close()
		os.Remove(name)
		o.tmp = nil
	}
}

// outFile is one file a command writes into a folder.
type outFile struct {
	name string // slash-separated, relative to the folder
	data []byte
}

// writeFiles writes files into dir, each atomically, and lists the paths
// on stdout. It refuses to overwrite existing files unless force is set,
// writing nothing then.
func writeFiles(dir string, force bool, files []outFile, e env) error {
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return fmt.Errorf("%s exists and is not a folder", dir)
	}
	var exists []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		if _, err := os.Lstat(p); err == nil {
			exists = append(exists, p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(exists) > 0 && !force {
		what := exists[0]
		if len(exists) > 1 {
			what = fmt.Sprintf("%s and %d other files", exists[0], len(exists)-1)
		}
		return &hintError{fmt.Errorf("%s already exist in %s; nothing was written", what, dir),
			"use --force to overwrite them, or choose another folder"}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var written strings.Builder
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := writeOutput(p, e, func(w io.Writer) error { _, err := w.Write(f.data); return err }); err != nil {
			return err
		}
		fmt.Fprintln(&written, p)
	}
	_, err := io.WriteString(e.stdout, written.String())
	return err
}

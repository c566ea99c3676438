// Command mutasi plans transfers of civil servants; see doc.go.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	// The first interrupt cancels ctx, and the run stops cleanly (exit 1);
	// a second one kills the process.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], env{
		stdin:   os.Stdin,
		stdout:  os.Stdout,
		stderr:  os.Stderr,
		isTTY:   isTerminal(os.Stderr),
		now:     time.Now,
		version: buildVersion(),
	})
	stop()
	os.Exit(code)
}

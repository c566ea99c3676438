package scenarios_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/mutasi-asn/mutasi/scenarios"
)

// Render the reasons of a move in English and Indonesian, and as JSON.
func ExampleReason_Text() {
	s, _ := scenarios.Parse(strings.NewReader(exampleYAML), "example.yaml")
	in, _ := scenarios.Build(s, nil, scenarios.Options{})
	p, _ := in.Plan(context.Background())
	m := p.Moves[0]
	for _, r := range m.Why {
		fmt.Printf("%-16s %s | %s\n", r.Code, r.Text("en"), r.Text("id"))
	}
	data, _ := json.Marshal(m.Why[0])
	fmt.Println(string(data))
	// Output:
	// over-need        current post over its needs: 2 holders for 1 seats | jabatan saat ini melebihi kebutuhan: 2 pemangku untuk 1 formasi
	// rotation-point   past the rotation point: 6.8 years in post | telah melewati masa rotasi: 6,8 tahun pada jabatan
	// rotation-value   rotation due +0.0875 | jatuh tempo rotasi +0,0875
	// remote-seat      fills a seat in a remote unit | mengisi formasi di unit terpencil
	// sip-needed       needs a SIP (licence to practise) at PKM-PELEPAT | memerlukan SIP (surat izin praktik) di PKM-PELEPAT
	// {"code":"over-need","args":[2,1]}
}

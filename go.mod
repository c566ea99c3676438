module github.com/mutasi-asn/mutasi

go 1.24.0

require (
	github.com/spf13/pflag v1.0.10
	github.com/stretchr/testify v1.11.1
	gonum.org/v1/gonum v0.17.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
)

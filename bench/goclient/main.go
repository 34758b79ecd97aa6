// Command goclient posts OpenIM callbacks the way OpenIM Server's webhook client does (Go net/http,
// Header.Set("operationID"), JSON body, a per-call timeout) and prints what Go saw for each one:
// the status and body, or the transport error. It checks by hand that the inspector's faults look to
// a Go client as the verdict engine says they look to OpenIM.
//
//	go run ./bench/goclient -url http://127.0.0.1:10006/callbackExample -timeout 2s CMD...
//	go run ./bench/goclient -url https://127.0.0.1:10443/callbackExample -cacert cert.pem CMD...
package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

type commonResp struct {
	ActionCode int32  `json:"actionCode"`
	ErrCode    int32  `json:"errCode"`
	ErrMsg     string `json:"errMsg"`
	ErrDlt     string `json:"errDlt"`
	NextCode   int32  `json:"nextCode"`
}

func main() {
	url := flag.String("url", "http://127.0.0.1:10006/callbackExample", "webhooks.yml url")
	timeout := flag.Duration("timeout", 5*time.Second, "per-call timeout")
	caCert := flag.String("cacert", "", "PEM certificate to trust for https (the inspector's own, self-signed)")
	flag.Parse()
	transport := &http.Transport{MaxConnsPerHost: 100}
	if *caCert != "" {
		pem, err := os.ReadFile(*caCert)
		pool := x509.NewCertPool()
		if err != nil || !pool.AppendCertsFromPEM(pem) {
			fmt.Fprintf(os.Stderr, "cannot use %s as a CA certificate\n", *caCert)
			os.Exit(2)
		}
		transport.TLSClientConfig = &tls.Config{RootCAs: pool} // verified as OpenIM would, hostname included
	}
	client := &http.Client{Timeout: 15 * time.Second, Transport: transport}
	for i, command := range flag.Args() {
		body, _ := json.Marshal(map[string]any{"callbackCommand": command, "sendID": "u1", "recvID": "u2",
			"content": `{"content":"hello"}`, "contentType": 101})
		ctx, cancel := context.WithTimeout(context.Background(), *timeout)
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, *url+"/"+command, bytes.NewReader(body))
		req.Header.Set("operationID", fmt.Sprintf("go-%d", i))
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			fmt.Printf("%s: transport error after %v: %v -> NetworkError 90004\n", command, time.Since(start).Round(time.Millisecond), err)
			cancel()
			continue
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		cancel()
		if err != nil {
			fmt.Printf("%s: HTTP %d, body read error: %v -> NetworkError 90004\n", command, resp.StatusCode, err)
			continue
		}
		var r commonResp
		if err := json.Unmarshal(data, &r); err != nil {
			fmt.Printf("%s: HTTP %d, %q: %v -> DataError 90007\n", command, resp.StatusCode, data, err)
			continue
		}
		verdict := "continue"
		if r.ActionCode == 0 && r.NextCode == 1 {
			verdict = fmt.Sprintf("blocked with errCode %d", r.ErrCode)
		}
		fmt.Printf("%s: HTTP %d after %v, %+v -> %s\n", command, resp.StatusCode, time.Since(start).Round(time.Millisecond), r, verdict)
	}
}

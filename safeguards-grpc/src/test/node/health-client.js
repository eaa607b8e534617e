'use strict';
// A gRPC health client that Safeguards did not write: Node's @grpc/grpc-js, with the service
// definition from the grpc-health-check package. Prints one line per event, numbering statuses so
// that a test can wait for the n-th one.
//
//   node health-client.js 127.0.0.1:9090 check <service>
//   node health-client.js 127.0.0.1:9090 watch <service>
const grpc = require('@grpc/grpc-js');
const { service } = require('grpc-health-check');

const [address, method, name] = process.argv.slice(2);
const Health = grpc.makeGenericClientConstructor(service, 'Health');
const client = new Health(address, grpc.credentials.createInsecure());

if (method === 'check') {
  client.check({ service: name }, { deadline: Date.now() + 5000 }, (error, response) => {
    console.log(error ? `check error ${grpc.status[error.code]}` : `check ${response.status}`);
    client.close();
  });
} else if (method === 'watch') {
  let count = 0;
  const call = client.watch({ service: name });
  call.on('data', (response) => console.log(`watch ${++count} ${response.status}`));
  // 'status' comes once, however the stream ends; 'error' must be handled, and 'status' says it.
  call.on('error', () => {});
  call.on('status', (status) => {
    console.log(`watch ended ${grpc.status[status.code]}`);
    client.close();
  });
} else {
  console.error(`unknown method '${method}': use check or watch`);
  process.exit(2);
}

// SPDX-License-Identifier: GPL-3.0-or-later
// Starts an in-memory PLC directory and a real PDS, both on 127.0.0.1 only, prints one JSON line
// {"plc": port, "pds": port} when both answer, and exits when its standard input closes (so the
// servers never outlive the test session that started them, even if it is killed).
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { PlcServer, Database } = require('@did-plc/server')
const { PDS, envToCfg, envToSecrets, readEnv } = await import('@atproto/pds')

// Both servers call app.listen(port) on every interface: pin them to loopback.
function loopbackOnly(app) {
  const listen = app.listen.bind(app)
  app.listen = (port, ...rest) => listen(port, '127.0.0.1', ...rest)
}

const plc = PlcServer.create({ db: Database.mock(), port: 0 })
loopbackOnly(plc.app)
const plcServer = await plc.start()
const plcPort = plcServer.address().port

// The PDS refuses IP literals when it resolves DIDs: the PLC URL must say localhost.
process.env.PDS_DID_PLC_URL = `http://localhost:${plcPort}`
const env = readEnv()
const pds = await PDS.create(envToCfg(env), envToSecrets(env))
loopbackOnly(pds.app)
await pds.start()

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await Promise.allSettled([pds.destroy(), plc.destroy()])
  process.exit(0)
}
process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.resume()
process.on('SIGTERM', stop)
process.on('SIGINT', stop)

process.stdout.write(JSON.stringify({ plc: plcPort, pds: Number(env.port) }) + '\n')

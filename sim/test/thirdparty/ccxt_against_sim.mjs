// ccxt, unchanged, against robson-exchange-sim: only its base URLs are pointed at the sim.
// Usage: node ccxt_against_sim.mjs http://127.0.0.1:PORT   (exit 0 = every step passed)
import ccxt from 'ccxt';

const base = process.argv[2];
if (!base) {
    console.error('usage: node ccxt_against_sim.mjs http://127.0.0.1:PORT');
    process.exit(2);
}

const exchange = new ccxt.binance({
    apiKey: 'robson-demo-key',
    secret: 'robson-demo-secret',
    enableRateLimit: false,
    options: {
        defaultType: 'spot',
        fetchMarkets: { types: ['spot'] },
        fetchCurrencies: false,
        fetchMargins: false,
        adjustForTimeDifference: true,
    },
});
for (const key of ['public', 'private', 'v1']) {
    exchange.urls.api[key] = `${base}/api/v3`;
}
// Anything still pointing at binance.com must never be reached (no internet, no sapi).
for (const [key, url] of Object.entries(exchange.urls.api)) {
    if (typeof url === 'string' && url.includes('binance.com')) {
        exchange.urls.api[key] = 'http://127.0.0.1:9/unreachable';
    }
}

let failures = 0;
async function step(name, run) {
    try {
        const detail = await run();
        console.log(`ok   ${name}${detail ? ': ' + detail : ''}`);
    } catch (error) {
        failures += 1;
        console.log(`FAIL ${name}: ${error.constructor.name} ${error.message}`);
    }
}
function expect(condition, message) {
    if (!condition) {
        throw new Error(message);
    }
}

const symbol = 'BTC/USDT';
let limitOrder;
let marketOrder;

await step('loadMarkets', async () => {
    const markets = await exchange.loadMarkets();
    expect(markets[symbol], 'BTC/USDT missing');
    expect(markets[symbol].precision.price === 0.01, `price precision ${markets[symbol].precision.price}`);
    expect(markets[symbol].limits.cost.min === 5, `min cost ${markets[symbol].limits.cost.min}`);
    return `${Object.keys(markets).length} markets`;
});
await step('fetchTime', async () => {
    const time = await exchange.fetchTime();
    expect(Math.abs(time - Date.now()) < 5000, 'server time far from now');
});
await step('fetchOHLCV', async () => {
    const candles = await exchange.fetchOHLCV(symbol, '15m', undefined, 50);
    expect(candles.length > 0, 'no candles');
    expect(candles[0].length === 6, 'candle shape');
    return `${candles.length} candles, last close ${candles.at(-1)[4]}`;
});
await step('fetchTicker', async () => {
    const ticker = await exchange.fetchTicker(symbol);
    expect(ticker.last > 0 && ticker.bid < ticker.ask, 'bad ticker');
    return `last ${ticker.last}`;
});
await step('fetchOrderBook', async () => {
    const book = await exchange.fetchOrderBook(symbol, 10);
    expect(book.bids.length === 10 && book.asks.length === 10, 'book depth');
    expect(book.bids[0][0] < book.asks[0][0], 'crossed book');
});
await step('fetchBalance', async () => {
    const balance = await exchange.fetchBalance();
    expect(balance.USDT.free > 0, 'no USDT');
    return `USDT free ${balance.USDT.free}, BTC free ${balance.BTC.free}`;
});
await step('createOrder limit', async () => {
    const ticker = await exchange.fetchTicker(symbol);
    const price = exchange.priceToPrecision(symbol, ticker.last * 0.9);
    limitOrder = await exchange.createOrder(symbol, 'limit', 'buy', 0.001, price);
    expect(limitOrder.id && limitOrder.status === 'open', `status ${limitOrder.status}`);
    return `id ${limitOrder.id} at ${price}`;
});
await step('fetchOrder', async () => {
    const order = await exchange.fetchOrder(limitOrder.id, symbol);
    expect(order.status === 'open' && order.amount === 0.001, `order ${order.status} ${order.amount}`);
});
await step('fetchOpenOrders', async () => {
    const open = await exchange.fetchOpenOrders(symbol);
    expect(open.length === 1, `${open.length} open`);
});
await step('cancelOrder', async () => {
    const cancelled = await exchange.cancelOrder(limitOrder.id, symbol);
    expect(cancelled.status === 'canceled', `status ${cancelled.status}`);
});
await step('createOrder market', async () => {
    marketOrder = await exchange.createOrder(symbol, 'market', 'buy', 0.001);
    expect(marketOrder.status === 'closed' && marketOrder.filled === 0.001, `status ${marketOrder.status}`);
    expect(marketOrder.fee && marketOrder.fee.currency === 'BTC', 'fee currency');
    return `filled at ${marketOrder.average}`;
});
await step('fetchMyTrades', async () => {
    const trades = await exchange.fetchMyTrades(symbol);
    expect(trades.length === 1 && trades[0].order === marketOrder.id, `${trades.length} trades`);
    return `fee ${trades[0].fee.cost} ${trades[0].fee.currency}`;
});
await step('insufficient balance is InsufficientFunds', async () => {
    try {
        await exchange.createOrder(symbol, 'market', 'buy', 5);
    } catch (error) {
        expect(error instanceof ccxt.InsufficientFunds, error.constructor.name);
        return;
    }
    throw new Error('accepted');
});

console.log(failures === 0 ? 'ccxt against the simulator: all steps passed'
                           : `ccxt against the simulator: ${failures} step(s) failed`);
process.exit(failures === 0 ? 0 : 1);

// Draws the market overview charts from the JSON the page embeds (ECharts is vendored; no CDN).
(function () {
  var data = JSON.parse(document.getElementById("market-data").textContent);
  var colours = { high: "#dc2626", medium: "#f97316", low: "#eab308" };
  var byRegion = document.getElementById("chart-regions");
  if (byRegion && data.regions.length) {
    echarts.init(byRegion).setOption({
      tooltip: { trigger: "axis" }, legend: {},
      xAxis: { type: "category", data: data.regions }, yAxis: { type: "value", minInterval: 1 },
      series: data.series.map(function (s) {
        return { name: s.name, type: "bar", stack: "alerts", data: s.data, itemStyle: { color: colours[s.key] } };
      })
    });
  }
  var top = document.getElementById("chart-top");
  if (top && data.lots.length) {
    echarts.init(top).setOption({
      tooltip: {}, grid: { left: 160 },
      xAxis: { type: "value" }, yAxis: { type: "category", data: data.lots },
      series: [{ type: "bar", data: data.weights, itemStyle: { color: "#b91c1c" } }]
    });
  }
})();

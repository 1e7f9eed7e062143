// Draws each board's charts from the JSON the page embeds (ECharts is vendored; no CDN). The table under each
// chart carries the same numbers for screen readers and for export.
(function () {
  var charts = JSON.parse(document.getElementById("dashboard-data").textContent);
  charts.forEach(function (chart) {
    var box = document.getElementById("chart-" + chart.key);
    if (!box || !chart.x.length || typeof echarts === "undefined") { return; }
    var instance = echarts.init(box);
    instance.setOption({
      tooltip: { trigger: "axis" }, legend: {}, grid: { containLabel: true },
      xAxis: { type: "category", data: chart.x, axisLabel: { rotate: chart.x.length > 8 ? 30 : 0 } },
      yAxis: { type: "value" },
      series: chart.series.map(function (s) { return { name: s.name, type: chart.kind, data: s.data }; })
    });
    box.setAttribute("data-rendered", "true");
    window.addEventListener("resize", function () { instance.resize(); });
  });
})();

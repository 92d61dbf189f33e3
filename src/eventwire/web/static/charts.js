// Draw every server-built plotly figure: <div class="chart" data-figure="{...json...}">.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-figure]").forEach(function (element) {
    var figure = JSON.parse(element.getAttribute("data-figure"));
    Plotly.newPlot(element, figure.data, figure.layout, {displaylogo: false, responsive: true});
    element.setAttribute("data-drawn", "true");
  });
});

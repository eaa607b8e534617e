-- A probe like a kubelet's, only more often: one GET /live every 10 ms on one connection.
function delay()
  return 10
end
